// Admin settings page: the organization's settings in one form. Administrators only.
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata() {
  return { title: (await getTranslations("AdminSettings"))("title") };
}

export default async function AdminSettingsPage() {
  const admin = await adminOrForbidden();
  const [s, sso, t] = await Promise.all([getOrgSettings(), getSsoStatus(admin), getTranslations("AdminSettings")]);
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  const redirectUri = `${publicOrigin(await headers(), env().NEXTAUTH_URL)}${sso.callbackPath}`;
  return (
    <>
      <AdminHeading title={t("title")}>{t("intro")}</AdminHeading>
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
          {t("sso")}
        </h2>
        {sso.configured ? (
          <>
            <dl className="mb-4 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {(
                [
                  [t("issuer"), sso.issuer],
                  [t("clientId"), sso.clientId],
                  [t("clientSecret"), t("clientSecretValue")],
                  [t("scopes"), sso.scopes],
                  [t("button"), t("buttonValue", { label: sso.buttonLabel ?? "" })],
                  [
                    t("adminGroup"),
                    sso.adminGroup
                      ? t("adminGroupValue", { group: sso.adminGroup, claim: sso.groupsClaim ?? "" })
                      : t("notSet"),
                  ],
                  [t("emergency"), sso.emergencyPasswordLogin ? t("emergencyOn") : t("emergencyOff")],
                  [t("redirectUri"), redirectUri],
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
            {t.rich("ssoNotConfigured", {
              strong: (chunks) => <strong>{chunks}</strong>,
              code,
              uri: redirectUri,
              wrap: (chunks) => <code className="break-all">{chunks}</code>,
              doc: (chunks) => <DocLink name="setup-and-admin">{chunks}</DocLink>,
            })}
          </p>
        )}
      </section>
    </>
  );
}
