"use client";
// Creates an account with an initial password the admin passes on; the form clears on success.
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { createUserAction } from "../actions";
import { ROLES } from "./roles";

export function CreateUserForm({ passwordRule }: { passwordRule: string }) {
  return (
    <ActionForm
      action={createUserAction}
      className="flex flex-col gap-4"
      submitLabel="Create account"
      pendingLabel="Creating…"
      successMessage="Account created."
      resetOnSuccess
    >
      <TextField label="Username" name="username" required autoComplete="off" />
      <TextField label="Email" name="email" type="email" required autoComplete="off" />
      <TextField label="Full name (optional)" name="fullName" autoComplete="off" />
      <TextField
        label="Initial password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint={`Use ${passwordRule}.`}
      />
      <SelectField label="Role" name="role" options={ROLES} defaultValue="user" />
    </ActionForm>
  );
}
