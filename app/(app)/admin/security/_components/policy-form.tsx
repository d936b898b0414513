"use client";
// The two-factor policy form: off / admins / everyone, and the days people get to set it up.
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { updateTwoFactorPolicyAction } from "../actions";

const OPTIONS = [
  { value: "off", label: "Optional for everyone" },
  { value: "admins", label: "Required for administrators" },
  { value: "everyone", label: "Required for everyone" },
];

export function PolicyForm({ policy, graceDays }: { policy: string; graceDays: number }) {
  return (
    <ActionForm
      action={updateTwoFactorPolicyAction}
      className="flex max-w-md flex-col gap-4"
      submitLabel="Save policy"
      pendingLabel="Saving…"
      successMessage="Policy saved."
    >
      <SelectField label="Two-factor sign-in" name="policy" options={OPTIONS} defaultValue={policy} />
      <TextField
        label="Grace period (days)"
        name="graceDays"
        type="number"
        min={0}
        max={365}
        required
        defaultValue={String(graceDays)}
        hint="People covered by the policy see a countdown; afterwards only the set-up page opens. 0 = at once."
      />
    </ActionForm>
  );
}
