"use client";
// Edits an account's username, email and full name.
import { useActionState } from "react";
import { FormFooter } from "@/components/forms/form-footer";
import { FieldErrorsProvider, TextField } from "@/components/ui/field";
import { updateUserAction } from "../actions";

export function EditUserForm({ user }: { user: { id: string; username: string; email: string; fullName: string } }) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form action={action} className="flex flex-col gap-4">
        <input type="hidden" name="id" value={user.id} />
        <TextField label="Username" name="username" required defaultValue={user.username} />
        <TextField label="Email" name="email" type="email" required defaultValue={user.email} />
        <TextField label="Full name" name="fullName" defaultValue={user.fullName} />
        <FormFooter
          submitLabel="Save details"
          pendingLabel="Saving…"
          pending={pending}
          result={state}
          successMessage="Saved."
          quietOnFieldErrors
        />
      </form>
    </FieldErrorsProvider>
  );
}
