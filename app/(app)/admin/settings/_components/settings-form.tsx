"use client";
// The organization settings form: the wizard's fields plus idle timeout, CSV delimiter and
// self-registration. Field errors are announced next to each field.
import { useActionState } from "react";
import { OrgFields, type OrgValues } from "@/components/settings/org-fields";
import { FormFooter } from "@/components/forms/form-footer";
import { CheckboxField, FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import { updateSettingsAction } from "../actions";

const DELIMITERS = [
  { value: ",", label: "Comma (,)" },
  { value: ";", label: "Semicolon (;)" },
  { value: "tab", label: "Tab" },
];

export function SettingsForm({
  values,
  zones,
}: {
  values: OrgValues & { idleTimeoutMinutes: string; csvDelimiter: string; selfRegistration: boolean };
  zones: string[];
}) {
  const [state, action, pending] = useActionState(updateSettingsAction, null);
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form action={action} className="flex max-w-xl flex-col gap-4">
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
        <SelectField
          label="CSV delimiter"
          name="csvDelimiter"
          options={DELIMITERS}
          defaultValue={values.csvDelimiter}
        />
        <CheckboxField
          label="Allow people to create their own account (self-registration)"
          name="selfRegistration"
          defaultChecked={values.selfRegistration}
        />
        <FormFooter
          submitLabel="Save settings"
          pendingLabel="Saving…"
          pending={pending}
          result={state}
          successMessage="Settings saved."
        />
      </form>
    </FieldErrorsProvider>
  );
}
