"use client";
// Edits name, email, time zone and theme; shows field errors next to each field.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { updateProfileAction } from "../actions";

interface Props {
  user: { fullName: string; email: string; timezone: string; theme: "light" | "dark" | "system" };
  zones: string[];
}

export function ProfileForm({ user, zones }: Props) {
  const [state, action, pending] = useActionState(updateProfileAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="flex flex-col gap-4">
      <TextField
        label="Full name"
        name="fullName"
        defaultValue={user.fullName}
        autoComplete="name"
        errors={errors?.fullName}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        defaultValue={user.email}
        autoComplete="email"
        errors={errors?.email}
      />
      <SelectField
        label="Time zone"
        name="timezone"
        placeholder="Organization default"
        options={zones.map((z) => ({ value: z, label: z }))}
        defaultValue={user.timezone}
        errors={errors?.timezone}
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
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
        <p aria-live="polite" role="status" className="text-sm">
          {state?.ok ? "Profile saved." : state && !state.ok ? state.error.message : ""}
        </p>
      </div>
    </form>
  );
}
