"use client";
// The settings form's "Single sign-on" fields: how a first SSO login finds an account, just-in-time
// creation with a default role, and "SSO only". Saved with the rest of the settings.
import { CheckboxField, SelectField } from "@/components/ui/field";

const LINK_BY = [
  { value: "email", label: "By verified email, then by the provider's subject id" },
  { value: "subject", label: "Only by the provider's subject id (never by email)" },
];
const ROLES = [
  { value: "user", label: "Member" },
  { value: "admin", label: "Administrator" },
];

export function SsoFields({
  values,
}: {
  values: { ssoLinkBy: string; ssoJitEnabled: boolean; ssoDefaultRole: string; ssoOnly: boolean };
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Single sign-on</legend>
      <SelectField
        // Its options are long sentences: on a phone the list shows them whole, the closed box fits.
        className="w-full min-w-0"
        label="Match a first single sign-on to an existing account"
        name="ssoLinkBy"
        options={LINK_BY}
        defaultValue={values.ssoLinkBy}
        hint="Once matched, an account stays linked to that identity. An unverified email never matches."
      />
      <CheckboxField
        label="Create an account on the first single sign-on of someone new"
        name="ssoJitEnabled"
        defaultChecked={values.ssoJitEnabled}
      />
      <SelectField
        label="Role of accounts created by single sign-on"
        name="ssoDefaultRole"
        options={ROLES}
        defaultValue={values.ssoDefaultRole}
        hint="With OIDC_ADMIN_GROUP set, members of that group become administrators at each sign-in."
      />
      <CheckboxField
        label="Single sign-on only (hide the password form)"
        name="ssoOnly"
        defaultChecked={values.ssoOnly}
        hint="Only while single sign-on is configured. See the docs for the emergency password login."
      />
    </fieldset>
  );
}
