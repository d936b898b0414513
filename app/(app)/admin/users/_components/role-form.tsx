"use client";
// Changes an account's role. The server refuses to demote the last active administrator.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/field";
import type { Role } from "@/lib/validation/users";
import { changeRoleAction } from "../actions";
import { useRoleOptions } from "./roles";

export function RoleForm({ id, role }: { id: string; role: Role }) {
  const t = useTranslations("AdminUsers");
  const roles = useRoleOptions();
  return (
    <ActionForm
      action={changeRoleAction}
      submitLabel={t("changeRole")}
      pendingLabel={t("changing")}
      variant="secondary"
      successMessage={t("roleChanged")}
    >
      <input type="hidden" name="id" value={id} />
      <SelectField label={t("role")} name="role" options={roles} defaultValue={role} hint={t("roleHint")} />
    </ActionForm>
  );
}
