"use client";
// Asks for a reset link. The answer is the same whether or not the address has an account.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";

export function ForgotPasswordForm({ action, minutes }: { action: FormAction; minutes: number }) {
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-4"
      submitLabel="Send reset link"
      pendingLabel="Sending…"
      successMessage={`If an account uses that address, a link to choose a new password is on its way. It works once, for ${minutes} minutes.`}
    >
      <TextField label="Email" name="email" type="email" required autoComplete="email" autoFocus />
    </ActionForm>
  );
}
