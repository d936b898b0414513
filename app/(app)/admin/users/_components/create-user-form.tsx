"use client";
// Creates an account with an initial password the admin passes on; the form clears on success.
import { useActionState } from "react";
import { FormFooter } from "@/components/forms/form-footer";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import { createUserAction } from "../actions";

const ROLES = [
  { value: "user", label: "User" },
  { value: "admin", label: "Administrator" },
];

export function CreateUserForm({ passwordRule }: { passwordRule: string }) {
  const [state, action, pending] = useActionState(createUserAction, null);
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form action={action} className="flex flex-col gap-4" key={state?.ok ? state.data.id : "new"}>
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
        <FormFooter
          submitLabel="Create account"
          pendingLabel="Creating…"
          pending={pending}
          result={state}
          successMessage="Account created."
        />
      </form>
    </FieldErrorsProvider>
  );
}
