"use client";
// The settings form's "Single sign-on" fields: how a first SSO login finds an account, just-in-time
// creation with a default role, and "SSO only". Saved with the rest of the settings.
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField } from "@/components/ui/field";

export function SsoFields({
  values,
}: {
  values: { ssoLinkBy: string; ssoJitEnabled: boolean; ssoDefaultRole: string; ssoOnly: boolean };
}) {
  const t = useTranslations("AdminSettings");
  const linkBy = [
    { value: "email", label: t("linkByEmail") },
    { value: "subject", label: t("linkBySubject") },
  ];
  const roles = [
    { value: "user", label: t("member") },
    { value: "admin", label: t("administrator") },
  ];
  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">{t("sso")}</legend>
      <SelectField
        // Its options are long sentences: on a phone the list shows them whole, the closed box fits.
        className="w-full min-w-0"
        label={t("linkBy")}
        name="ssoLinkBy"
        options={linkBy}
        defaultValue={values.ssoLinkBy}
        hint={t("linkByHint")}
      />
      <CheckboxField label={t("jit")} name="ssoJitEnabled" defaultChecked={values.ssoJitEnabled} />
      <SelectField
        label={t("defaultRole")}
        name="ssoDefaultRole"
        options={roles}
        defaultValue={values.ssoDefaultRole}
        hint={t("defaultRoleHint")}
      />
      <CheckboxField label={t("ssoOnly")} name="ssoOnly" defaultChecked={values.ssoOnly} hint={t("ssoOnlyHint")} />
    </fieldset>
  );
}
