// Admin telemetry page: installation telemetry's state and exact payload, the other channels'
// status, and what is and is not collected. Administrators only; viewing it is itself an event
// (viewTelemetryDashboard records it).
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { formatStamp } from "@/lib/format";
import { timezoneOf } from "@/lib/services/entry-input";
import { viewTelemetryDashboard, type TelemetryStatus } from "@/lib/services/telemetry";
import { setTelemetryAction } from "./actions";
import { ChannelsTable } from "./_components/channels-table";
import { CollectedLists } from "./_components/collected-lists";
import { ConsentToggle } from "./_components/consent-toggle";

export const metadata = { title: "Telemetry & privacy" };
export const dynamic = "force-dynamic";

const REASONS: Record<TelemetryStatus["decision"]["reason"], string> = {
  do_not_track: "Off: DO_NOT_TRACK is set on the server, which overrides everything else.",
  env: "On: ENABLE_TELEMETRY is set on the server (the switch below cannot turn it off).",
  admin_opt_in: "On: an administrator opted in.",
  off: "Off (the default). Nothing is sent.",
};

export default async function TelemetryPage() {
  const user = await adminOrForbidden();
  const s = await viewTelemetryDashboard(user);
  const tz = await timezoneOf(user.id);
  const when = (d: Date | null) => (d ? formatStamp(d, tz) : "—");
  const rows: [string, React.ReactNode][] = [
    ["Installation id", <code key="id">{s.installationId}</code>],
    ["Fingerprint", <code key="fp">{s.fingerprintShort}</code>],
    ["Setup completed", when(s.setupCompletedAt)],
    ["Install ping sent", when(s.installPingSentAt)],
    ["Last sent", when(s.lastSentAt)],
    ["Next check", s.decision.enabled ? when(s.nextCheckAt) : "— (telemetry is off)"],
    ["Running version", s.currentVersion],
    ["Latest known version", s.latestKnownVersion ?? "—"],
    ["Last error", s.lastError ?? "None"],
  ];
  return (
    <>
      <AdminHeading title="Telemetry & privacy">
        What this installation records, what it may send, and the switches.
      </AdminHeading>
      {s.updateAvailable && (
        <p
          role="status"
          className="mb-6 rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100"
          data-testid="update-available"
        >
          Update available: version {s.latestKnownVersion} (you run {s.currentVersion}).
        </p>
      )}
      <section aria-labelledby="tele-h" className="mb-10">
        <h2 id="tele-h" className="mb-2 text-xl font-semibold">
          Installation telemetry
        </h2>
        <p className="mb-4 text-sm" data-testid="telemetry-state">
          {REASONS[s.decision.reason]}
        </p>
        <ConsentToggle
          action={setTelemetryAction}
          enabled={s.adminOptIn}
          label="Send anonymous installation telemetry"
          confirmOn="Send the payload below once now, again when the version changes, and check daily for updates?"
          confirmOff="Stop sending installation telemetry?"
          testId="telemetry-toggle"
        />
        {!s.teleUrlConfigured && (
          <p className="mt-2 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800" data-testid="no-tele-url">
            No telemetry address is configured (TELE_URL), so nothing is sent even when this is on.
          </p>
        )}
        {s.debug && (
          <p className="mt-2 text-sm">
            TELEMETRY_DEBUG is on: the payload is written to the log instead of being sent.
          </p>
        )}
        <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-6 mb-2 font-semibold">The exact payload</h3>
        <pre
          data-testid="telemetry-payload"
          tabIndex={0}
          aria-label="The exact payload"
          className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800"
        >
          {s.payload}
        </pre>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Sent as the body of a POST to TELE_URL; the daily update check is a GET with no body. Checks every{" "}
          {s.intervalHours} h.
        </p>
      </section>
      <ChannelsTable status={s} />
      <CollectedLists />
    </>
  );
}
