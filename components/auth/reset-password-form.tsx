"use client";
// Chooses the new password with a reset link's token; success goes to the login page.
import { NewPasswordFields } from "@/components/account/new-password-fields";
import { ActionForm, type FormAction } from "@/components/forms/action-form";

export function ResetPasswordForm({ action, token, rule }: { action: FormAction; token: string; rule: string }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-4" submitLabel="Set new password" pendingLabel="Saving…">
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields rule={rule} />
    </ActionForm>
  );
}
