"use client";
// Creates an account with an initial password the admin passes on; the form clears on success.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { createUserAction } from "../actions";
import { useRoleOptions } from "./roles";

export function CreateUserForm({ passwordRule }: { passwordRule: string }) {
  const t = useTranslations("AdminUsers");
  const roles = useRoleOptions();
  return (
    <ActionForm
      action={createUserAction}
      className="flex flex-col gap-4"
      submitLabel={t("create")}
      pendingLabel={t("creating")}
      successMessage={t("created")}
      resetOnSuccess
    >
      <TextField label={t("username")} name="username" required autoComplete="off" />
      <TextField label={t("email")} name="email" type="email" required autoComplete="off" />
      <TextField label={t("fullNameOptional")} name="fullName" autoComplete="off" />
      <TextField
        label={t("initialPassword")}
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint={t("passwordHint", { rule: passwordRule })}
      />
      <SelectField label={t("role")} name="role" options={roles} defaultValue="user" />
    </ActionForm>
  );
}
