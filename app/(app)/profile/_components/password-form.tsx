"use client";
// Changes the password. Every session ends on success, this one too, so the user signs in again.
import { signOut } from "@/components/auth/auth-client";
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { changePasswordAction } from "../actions";

export function PasswordForm({ rule }: { rule: string }) {
  return (
    <ActionForm
      action={changePasswordAction}
      className="flex flex-col gap-4"
      submitLabel="Change password"
      pendingLabel="Changing…"
      successMessage="Password changed. Signing you out…"
      quietOnFieldErrors
      onSuccess={() => void signOut({ callbackUrl: "/login?notice=password-changed" })}
    >
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
      />
      <NewPasswordFields rule={rule} />
    </ActionForm>
  );
}
