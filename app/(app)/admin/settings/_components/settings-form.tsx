"use client";
// The organization settings form: the wizard's fields plus idle timeout, CSV delimiter and
// self-registration, and how single sign-on finds accounts. Field errors are announced next to each field.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { OrgFields, type OrgValues } from "@/components/settings/org-fields";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { updateSettingsAction } from "../actions";
import { SsoFields } from "./sso-fields";

export function SettingsForm({
  values,
  zones,
}: {
  values: OrgValues & {
    idleTimeoutMinutes: string;
    csvDelimiter: string;
    selfRegistration: boolean;
    membersSeeMoney: boolean;
    ssoLinkBy: string;
    ssoJitEnabled: boolean;
    ssoDefaultRole: string;
    ssoOnly: boolean;
  };
  zones: string[];
}) {
  const t = useTranslations("AdminSettings");
  const delimiters = [
    { value: ",", label: t("comma") },
    { value: ";", label: t("semicolon") },
    { value: "tab", label: t("tab") },
  ];
  return (
    <ActionForm
      action={updateSettingsAction}
      className="flex max-w-xl flex-col gap-4"
      submitLabel={t("save")}
      pendingLabel={t("saving")}
      successMessage={t("saved")}
    >
      <OrgFields values={values} zones={zones} />
      <TextField
        label={t("idle")}
        name="idleTimeoutMinutes"
        type="number"
        min={0}
        max={480}
        required
        defaultValue={values.idleTimeoutMinutes}
        hint={t("idleHint")}
      />
      <SelectField
        label={t("csvDelimiter")}
        name="csvDelimiter"
        options={delimiters}
        defaultValue={values.csvDelimiter}
      />
      <CheckboxField label={t("selfRegistration")} name="selfRegistration" defaultChecked={values.selfRegistration} />
      <CheckboxField
        label={t("membersSeeMoney")}
        name="membersSeeMoney"
        defaultChecked={values.membersSeeMoney}
        hint={t("membersSeeMoneyHint")}
      />
      <SsoFields values={values} />
    </ActionForm>
  );
}
