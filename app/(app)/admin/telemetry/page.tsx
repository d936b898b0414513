// Admin telemetry page: installation telemetry's state and exact payload, the other channels'
// status, and what is and is not collected. Administrators only; viewing it is itself an event
// (viewTelemetryDashboard records it).
import { getTranslations } from "next-intl/server";
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { formatStamp } from "@/lib/format";
import { timezoneOf } from "@/lib/services/entry-input";
import { viewTelemetryDashboard, type TelemetryStatus } from "@/lib/services/telemetry";
import { setTelemetryAction } from "./actions";
import { ChannelsTable } from "./_components/channels-table";
import { CollectedLists } from "./_components/collected-lists";
import { ConsentToggle } from "./_components/consent-toggle";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminTelemetry"))("title") };
}
export const dynamic = "force-dynamic";

const REASONS = {
  do_not_track: "reasonDoNotTrack",
  env: "reasonEnv",
  admin_opt_in: "reasonAdmin",
  off: "reasonOff",
} as const satisfies Record<TelemetryStatus["decision"]["reason"], string>;

export default async function TelemetryPage() {
  const user = await adminOrForbidden();
  const s = await viewTelemetryDashboard(user);
  const tz = await timezoneOf(user.id);
  const t = await getTranslations("AdminTelemetry");
  const when = (d: Date | null) => (d ? formatStamp(d, tz) : "—");
  const rows: [string, React.ReactNode][] = [
    [t("installationId"), <code key="id">{s.installationId}</code>],
    [t("fingerprint"), <code key="fp">{s.fingerprintShort}</code>],
    [t("setupCompleted"), when(s.setupCompletedAt)],
    [t("installPing"), when(s.installPingSentAt)],
    [t("lastSent"), when(s.lastSentAt)],
    [t("nextCheck"), s.decision.enabled ? when(s.nextCheckAt) : t("nextCheckOff")],
    [t("runningVersion"), s.currentVersion],
    [t("latestVersion"), s.latestKnownVersion ?? "—"],
    [t("lastError"), s.lastError ?? t("none")],
  ];
  return (
    <>
      <AdminHeading title={t("title")}>{t("intro")}</AdminHeading>
      {s.updateAvailable && (
        <p
          role="status"
          className="mb-6 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
          data-testid="update-available"
        >
          {t("update", { latest: s.latestKnownVersion ?? "", current: s.currentVersion })}
        </p>
      )}
      <section aria-labelledby="tele-h" className="mb-10">
        <h2 id="tele-h" className="mb-2 text-xl font-semibold">
          {t("installation")}
        </h2>
        <p className="mb-4 text-sm" data-testid="telemetry-state">
          {t(REASONS[s.decision.reason])}
        </p>
        <ConsentToggle
          action={setTelemetryAction}
          enabled={s.adminOptIn}
          label={t("toggle")}
          confirmOn={t("confirmOn")}
          confirmOff={t("confirmOff")}
          testId="telemetry-toggle"
        />
        {!s.teleUrlConfigured && (
          <p className="mt-2 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800" data-testid="no-tele-url">
            {t("noUrl")}
          </p>
        )}
        {s.debug && <p className="mt-2 text-sm">{t("debug")}</p>}
        <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-6 mb-2 font-semibold">{t("payload")}</h3>
        <pre
          data-testid="telemetry-payload"
          tabIndex={0}
          aria-label={t("payload")}
          className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800"
        >
          {s.payload}
        </pre>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          {t("payloadHint", { hours: String(s.intervalHours) })}
        </p>
      </section>
      <ChannelsTable status={s} />
      <CollectedLists />
    </>
  );
}
