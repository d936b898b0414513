"use client";
// Sets a new password for an account; its sessions end.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ id, rule }: { id: string; rule: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4" key={state?.ok ? "done" : "form"}>
      <input type="hidden" name="id" value={id} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        required
        autoComplete="new-password"
        hint={`Use ${rule}.`}
        errors={errors?.newPassword}
      />
      <TextField
        label="Repeat new password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        errors={errors?.confirmPassword}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Setting…" : "Set new password"}
        </Button>
        <p aria-live="polite" role="status" className="text-sm">
          {state?.ok
            ? "Password set. The account was signed out everywhere."
            : state && !state.ok && !state.fieldErrors
              ? state.error.message
              : ""}
        </p>
      </div>
    </form>
  );
}
