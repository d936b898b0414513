// Admin settings page: the organization's settings in one form. Administrators only.
import { AdminHeading } from "@/components/admin/admin-heading";
import { DocLink } from "@/components/ui/doc-link";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { publicOrigin } from "@/lib/security/public-origin";
import { adminOrForbidden } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/services/settings";
import { getSsoStatus } from "@/lib/services/sso-admin";
import { testSsoConnectionAction } from "./actions";
import { SettingsForm } from "./_components/settings-form";
import { SsoConnectionTest } from "./_components/sso-connection";

export const metadata = { title: "Settings" };

export default async function AdminSettingsPage() {
  const admin = await adminOrForbidden();
  const [s, sso] = await Promise.all([getOrgSettings(), getSsoStatus(admin)]);
  const redirectUri = `${publicOrigin(await headers(), env().NEXTAUTH_URL)}${sso.callbackPath}`;
  return (
    <>
      <AdminHeading title="Settings">These apply to everyone in the organization.</AdminHeading>
      <SettingsForm
        zones={Intl.supportedValuesOf("timeZone")}
        values={{
          name: s.name,
          timezone: s.timezone,
          currency: s.currency,
          weekStart: String(s.weekStart),
          roundingMinutes: String(s.roundingMinutes),
          roundingMode: s.roundingMode,
          idleTimeoutMinutes: String(s.idleTimeoutMinutes),
          csvDelimiter: s.csvDelimiter === "\t" ? "tab" : s.csvDelimiter,
          selfRegistration: s.selfRegistration,
          membersSeeMoney: s.membersSeeMoney,
          ssoLinkBy: s.ssoLinkBy,
          ssoJitEnabled: s.ssoJitEnabled,
          ssoDefaultRole: s.ssoDefaultRole,
          ssoOnly: s.ssoOnly,
        }}
      />
      <section
        aria-labelledby="sso-h"
        className="mt-8 max-w-xl rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="sso-h" className="mb-2 text-lg font-semibold">
          Single sign-on
        </h2>
        {sso.configured ? (
          <>
            <dl className="mb-4 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {(
                [
                  ["Issuer", sso.issuer],
                  ["Client id", sso.clientId],
                  ["Client secret", "set (never shown)"],
                  ["Scopes", sso.scopes],
                  ["Button", `Sign in with ${sso.buttonLabel}`],
                  ["Admin group", sso.adminGroup ? `${sso.adminGroup} (claim "${sso.groupsClaim}")` : "not set"],
                  ["Emergency password login", sso.emergencyPasswordLogin ? "on (/login?password=1)" : "off"],
                  ["Redirect URI to register", redirectUri],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-medium">{k}</dt>
                  <dd className="break-all text-slate-700 dark:text-slate-300">{v}</dd>
                </div>
              ))}
            </dl>
            <SsoConnectionTest action={testSsoConnectionAction} />
          </>
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <strong>Single sign-on is not configured.</strong> Set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code>{" "}
            and <code>OIDC_CLIENT_SECRET</code> and restart the server; the redirect URI to register at your provider is{" "}
            <code className="break-all">{redirectUri}</code>. See{" "}
            <DocLink name="setup-and-admin">setup and administration</DocLink>.
          </p>
        )}
      </section>
    </>
  );
}
