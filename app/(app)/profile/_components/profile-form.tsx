"use client";
// Edits name, email, time zone and theme; shows field errors next to each field.
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Theme } from "@/lib/validation/choices";
import { updateProfileAction } from "../actions";

interface Props {
  user: { fullName: string; email: string; timezone: string; theme: Theme };
  zones: string[];
}

export function ProfileForm({ user, zones }: Props) {
  return (
    <ActionForm
      action={updateProfileAction}
      className="flex flex-col gap-4"
      submitLabel="Save profile"
      pendingLabel="Saving…"
      successMessage="Profile saved."
    >
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
        {Object.values(Theme).map((t) => (
          <label key={t} className="flex items-center gap-1 text-sm">
            <input type="radio" name="theme" value={t} defaultChecked={user.theme === t} />{" "}
            {t[0].toUpperCase() + t.slice(1)}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
