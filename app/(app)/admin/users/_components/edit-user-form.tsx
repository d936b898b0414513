"use client";
// Edits an account's username, email and full name.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { updateUserAction } from "../actions";

export function EditUserForm({ user }: { user: { id: string; username: string; email: string; fullName: string } }) {
  const t = useTranslations("AdminUsers");
  return (
    <ActionForm
      action={updateUserAction}
      className="flex flex-col gap-4"
      submitLabel={t("saveDetails")}
      pendingLabel={t("saving")}
      successMessage={t("saved")}
      quietOnFieldErrors
    >
      <input type="hidden" name="id" value={user.id} />
      <TextField label={t("username")} name="username" required defaultValue={user.username} />
      <TextField label={t("email")} name="email" type="email" required defaultValue={user.email} />
      <TextField label={t("fullName")} name="fullName" defaultValue={user.fullName} />
    </ActionForm>
  );
}
