"use client";
// Changes the password. Every session ends on success, this one too, so the user signs in again.
import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "../actions";

export function PasswordForm({ rule }: { rule: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/login?notice=password-changed" });
  }, [state]);
  return (
    <form action={action} className="flex flex-col gap-4">
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
        errors={errors?.currentPassword}
      />
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
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
        <p aria-live="polite" role="status" className="text-sm">
          {state?.ok
            ? "Password changed. Signing you out…"
            : state && !state.ok && !state.fieldErrors
              ? state.error.message
              : ""}
        </p>
      </div>
    </form>
  );
}
