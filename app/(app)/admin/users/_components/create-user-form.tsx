"use client";
// Creates an account with an initial password the admin passes on; the form clears on success.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { createUserAction } from "../actions";

const ROLES = [
  { value: "user", label: "User" },
  { value: "admin", label: "Administrator" },
];

export function CreateUserForm({ passwordRule }: { passwordRule: string }) {
  const [state, action, pending] = useActionState(createUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" key={state?.ok ? state.data.id : "new"}>
      <TextField label="Username" name="username" required autoComplete="off" errors={errors?.username} />
      <TextField label="Email" name="email" type="email" required autoComplete="off" errors={errors?.email} />
      <TextField label="Full name (optional)" name="fullName" autoComplete="off" errors={errors?.fullName} />
      <TextField
        label="Initial password"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        hint={`Use ${passwordRule}.`}
        errors={errors?.password}
      />
      <SelectField label="Role" name="role" options={ROLES} defaultValue="user" errors={errors?.role} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create account"}
        </Button>
        <p aria-live="polite" role="status" className="text-sm">
          {state?.ok ? "Account created." : state && !state.ok ? state.error.message : ""}
        </p>
      </div>
    </form>
  );
}
