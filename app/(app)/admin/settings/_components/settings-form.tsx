"use client";
// The organization settings form: the wizard's fields plus idle timeout, CSV delimiter and
// self-registration, and how single sign-on finds accounts. Field errors are announced next to each field.
import { ActionForm } from "@/components/forms/action-form";
import { OrgFields, type OrgValues } from "@/components/settings/org-fields";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { updateSettingsAction } from "../actions";
import { SsoFields } from "./sso-fields";

const DELIMITERS = [
  { value: ",", label: "Comma (,)" },
  { value: ";", label: "Semicolon (;)" },
  { value: "tab", label: "Tab" },
];

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
  return (
    <ActionForm
      action={updateSettingsAction}
      className="flex max-w-xl flex-col gap-4"
      submitLabel="Save settings"
      pendingLabel="Saving…"
      successMessage="Settings saved."
    >
      <OrgFields values={values} zones={zones} />
      <TextField
        label="Idle timeout (minutes)"
        name="idleTimeoutMinutes"
        type="number"
        min={0}
        max={480}
        required
        defaultValue={values.idleTimeoutMinutes}
        hint="Ask whether to stop a running timer after this much inactivity. 0 turns it off."
      />
      <SelectField label="CSV delimiter" name="csvDelimiter" options={DELIMITERS} defaultValue={values.csvDelimiter} />
      <CheckboxField
        label="Allow people to create their own account (self-registration)"
        name="selfRegistration"
        defaultChecked={values.selfRegistration}
      />
      <CheckboxField
        label="Members see rates, amounts and budgets"
        name="membersSeeMoney"
        defaultChecked={values.membersSeeMoney}
        hint="Off: only administrators see money in pages, reports, exports and the API."
      />
      <SsoFields values={values} />
    </ActionForm>
  );
}
