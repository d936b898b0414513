"use client";
// Edits an account's username, email and full name.
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { updateUserAction } from "../actions";

export function EditUserForm({ user }: { user: { id: string; username: string; email: string; fullName: string } }) {
  return (
    <ActionForm
      action={updateUserAction}
      className="flex flex-col gap-4"
      submitLabel="Save details"
      pendingLabel="Saving…"
      successMessage="Saved."
      quietOnFieldErrors
    >
      <input type="hidden" name="id" value={user.id} />
      <TextField label="Username" name="username" required defaultValue={user.username} />
      <TextField label="Email" name="email" type="email" required defaultValue={user.email} />
      <TextField label="Full name" name="fullName" defaultValue={user.fullName} />
    </ActionForm>
  );
}
