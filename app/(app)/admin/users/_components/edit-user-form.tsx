"use client";
// Edits an account's username, email and full name.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { updateUserAction } from "../actions";

export function EditUserForm({ user }: { user: { id: string; username: string; email: string; fullName: string } }) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="id" value={user.id} />
      <TextField label="Username" name="username" required defaultValue={user.username} errors={errors?.username} />
      <TextField label="Email" name="email" type="email" required defaultValue={user.email} errors={errors?.email} />
      <TextField label="Full name" name="fullName" defaultValue={user.fullName} errors={errors?.fullName} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
        <p aria-live="polite" role="status" className="text-sm">
          {state?.ok ? "Saved." : state && !state.ok && !state.fieldErrors ? state.error.message : ""}
        </p>
      </div>
    </form>
  );
}
