"use client";
// Edits name, email, time zone and theme; shows field errors next to each field.
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { Theme } from "@/lib/validation/choices";
import { updateProfileAction } from "../actions";

interface Props {
  user: { fullName: string; email: string; timezone: string; theme: Theme };
  zones: string[];
}

export function ProfileForm({ user, zones }: Props) {
  const t = useTranslations("Profile");
  return (
    <ActionForm
      action={updateProfileAction}
      className="flex flex-col gap-4"
      submitLabel={t("save")}
      pendingLabel={t("saving")}
      successMessage={t("saved")}
    >
      <TextField label={t("fullName")} name="fullName" defaultValue={user.fullName} autoComplete="name" />
      <TextField label={t("email")} name="email" type="email" required defaultValue={user.email} autoComplete="email" />
      <SelectField
        label={t("timezone")}
        name="timezone"
        placeholder={t("timezoneDefault")}
        options={zones.map((z) => ({ value: z, label: z }))}
        defaultValue={user.timezone}
      />
      <fieldset className="flex gap-4">
        <legend className="mb-1 text-sm font-medium">{t("theme")}</legend>
        {Object.values(Theme).map((theme) => (
          <label key={theme} className="flex items-center gap-1 text-sm">
            <input type="radio" name="theme" value={theme} defaultChecked={user.theme === theme} />{" "}
            {t("themeOption", { theme })}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
