"use client";
// The two-factor policy form: off / admins / everyone, and the days people get to set it up.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { updateTwoFactorPolicyAction } from "../actions";

export function PolicyForm({ policy, graceDays }: { policy: string; graceDays: number }) {
  const t = useTranslations("AdminSecurity");
  const options = [
    { value: "off", label: t("optional") },
    { value: "admins", label: t("admins") },
    { value: "everyone", label: t("everyone") },
  ];
  return (
    <ActionForm
      action={updateTwoFactorPolicyAction}
      className="flex max-w-md flex-col gap-4"
      submitLabel={t("save")}
      pendingLabel={t("saving")}
      successMessage={t("saved")}
    >
      <SelectField label={t("policy")} name="policy" options={options} defaultValue={policy} />
      <TextField
        label={t("grace")}
        name="graceDays"
        type="number"
        min={0}
        max={365}
        required
        defaultValue={String(graceDays)}
        hint={t("graceHint")}
      />
    </ActionForm>
  );
}
