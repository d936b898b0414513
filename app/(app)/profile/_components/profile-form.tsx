"use client";
// Edits name, email, time zone and theme; shows field errors next to each field.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
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
      <Field label="Full name" name="fullName" defaultValue={user.fullName} autoComplete="name" errors={errors?.fullName} />
      <Field label="Email" name="email" type="email" required defaultValue={user.email} autoComplete="email" errors={errors?.email} />
      <div className="flex flex-col gap-1">
        <label htmlFor="timezone" className="text-sm font-medium">
          Time zone
        </label>
        <select
          id="timezone"
          name="timezone"
          defaultValue={user.timezone}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900"
        >
          <option value="">Organization default</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p aria-live="polite" className="text-sm text-red-700 dark:text-red-400">
          {errors?.timezone?.join(" ")}
        </p>
      </div>
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-sm font-medium">Theme</legend>
        {(["light", "dark", "system"] as const).map((t) => (
          <label key={t} className="flex items-center gap-1 text-sm">
            <input type="radio" name="theme" value={t} defaultChecked={user.theme === t} /> {t[0].toUpperCase() + t.slice(1)}
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
