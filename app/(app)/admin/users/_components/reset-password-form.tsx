"use client";
// Sets a new password for an account; its sessions end.
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm } from "@/components/forms/action-form";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ id, rule }: { id: string; rule: string }) {
  return (
    <ActionForm
      action={resetPasswordAction}
      className="flex flex-col gap-4"
      submitLabel="Set new password"
      pendingLabel="Setting…"
      variant="secondary"
      successMessage="Password set. The account was signed out everywhere."
      quietOnFieldErrors
      resetOnSuccess
    >
      <input type="hidden" name="id" value={id} />
      <NewPasswordFields rule={rule} />
    </ActionForm>
  );
}
