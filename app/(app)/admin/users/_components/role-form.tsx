"use client";
// Changes an account's role. The server refuses to demote the last active administrator.
import { useActionState } from "react";
import { FormFooter } from "@/components/forms/form-footer";
import { SelectField } from "@/components/ui/field";
import { changeRoleAction } from "../actions";

const ROLES = [
  { value: "user", label: "User" },
  { value: "admin", label: "Administrator" },
];

export function RoleForm({ id, role }: { id: string; role: "admin" | "user" }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <SelectField
        label="Role"
        name="role"
        options={ROLES}
        defaultValue={role}
        hint="Changing the role signs the account out everywhere."
        errors={state && !state.ok ? state.fieldErrors?.role : undefined}
      />
      <FormFooter
        submitLabel="Change role"
        pendingLabel="Changing…"
        variant="secondary"
        pending={pending}
        result={state}
        successMessage="Role changed."
      />
    </form>
  );
}
