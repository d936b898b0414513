"use client";
// Changes the password. Every session ends on success, this one too, so the user signs in again.
import { useActionState, useEffect } from "react";
import { signOut } from "next-auth/react";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { FormFooter } from "@/components/forms/form-footer";
import { FieldErrorsProvider, TextField } from "@/components/ui/field";
import { changePasswordAction } from "../actions";

export function PasswordForm({ rule }: { rule: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/login?notice=password-changed" });
  }, [state]);
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form action={action} className="flex flex-col gap-4">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          required
          autoComplete="current-password"
        />
        <NewPasswordFields rule={rule} />
        <FormFooter
          submitLabel="Change password"
          pendingLabel="Changing…"
          pending={pending}
          result={state}
          successMessage="Password changed. Signing you out…"
          quietOnFieldErrors
        />
      </form>
    </FieldErrorsProvider>
  );
}
