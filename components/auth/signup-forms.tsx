"use client";
// Self-registration: with email, the address first (a link follows); without, everything at once.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { AccountFields } from "./account-fields";

export function RequestSignupForm({ action, days }: { action: FormAction; days: number }) {
  return (
    <ActionForm
      action={action}
      className="flex flex-col gap-4"
      submitLabel="Send sign-up link"
      pendingLabel="Sending…"
      successMessage={`Check your inbox: a link to finish signing up is on its way (it works for ${days} days). If this address already has an account, no link is sent: use "Forgot your password?" instead.`}
    >
      <TextField label="Email" name="email" type="email" required autoComplete="email" autoFocus />
    </ActionForm>
  );
}

export function SignUpForm({ action, rule }: { action: FormAction; rule: string }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-4" submitLabel="Create account" pendingLabel="Creating…">
      <TextField label="Email" name="email" type="email" required autoComplete="email" autoFocus />
      <AccountFields rule={rule} />
    </ActionForm>
  );
}
