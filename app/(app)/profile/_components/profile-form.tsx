"use client";
// Edits name, email, time zone and theme; shows field errors next to each field.
import { useActionState } from "react";
import { FormFooter } from "@/components/forms/form-footer";
import { FieldErrorsProvider, SelectField, TextField } from "@/components/ui/field";
import { updateProfileAction } from "../actions";

interface Props {
  user: { fullName: string; email: string; timezone: string; theme: "light" | "dark" | "system" };
  zones: string[];
}

export function ProfileForm({ user, zones }: Props) {
  const [state, action, pending] = useActionState(updateProfileAction, null);
  return (
    <FieldErrorsProvider errors={state && !state.ok ? state.fieldErrors : undefined}>
      <form action={action} className="flex flex-col gap-4">
        <TextField label="Full name" name="fullName" defaultValue={user.fullName} autoComplete="name" />
        <TextField label="Email" name="email" type="email" required defaultValue={user.email} autoComplete="email" />
        <SelectField
          label="Time zone"
          name="timezone"
          placeholder="Organization default"
          options={zones.map((z) => ({ value: z, label: z }))}
          defaultValue={user.timezone}
        />
        <fieldset className="flex gap-4">
          <legend className="mb-1 text-sm font-medium">Theme</legend>
          {(["light", "dark", "system"] as const).map((t) => (
            <label key={t} className="flex items-center gap-1 text-sm">
              <input type="radio" name="theme" value={t} defaultChecked={user.theme === t} />{" "}
              {t[0].toUpperCase() + t.slice(1)}
            </label>
          ))}
        </fieldset>
        <FormFooter
          submitLabel="Save profile"
          pendingLabel="Saving…"
          pending={pending}
          result={state}
          successMessage="Profile saved."
        />
      </form>
    </FieldErrorsProvider>
  );
}
