"use client";
// Changes an account's role. The server refuses to demote the last active administrator.
import { ActionForm } from "@/components/forms/action-form";
import { SelectField } from "@/components/ui/field";
import type { Role } from "@/lib/validation/users";
import { changeRoleAction } from "../actions";
import { ROLES } from "./roles";

export function RoleForm({ id, role }: { id: string; role: Role }) {
  return (
    <ActionForm
      action={changeRoleAction}
      submitLabel="Change role"
      pendingLabel="Changing…"
      variant="secondary"
      successMessage="Role changed."
    >
      <input type="hidden" name="id" value={id} />
      <SelectField
        label="Role"
        name="role"
        options={ROLES}
        defaultValue={role}
        hint="Changing the role signs the account out everywhere."
      />
    </ActionForm>
  );
}
