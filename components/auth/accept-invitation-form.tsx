"use client";
// The invitation (or sign-up) link's form: the address is fixed; the person picks the rest.
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { AccountFields } from "./account-fields";

export function AcceptInvitationForm({ action, token, rule }: { action: FormAction; token: string; rule: string }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-4" submitLabel="Create account" pendingLabel="Creating…">
      <input type="hidden" name="token" value={token} />
      <AccountFields rule={rule} />
    </ActionForm>
  );
}
