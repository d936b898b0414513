// The status of every other channel: PostHog (and the product-analytics consent), Sentry, metrics, logs.
import { Table } from "@/components/ui/table";
import type { TelemetryStatus } from "@/lib/services/telemetry";
import { setProductAnalyticsAction } from "../actions";
import { ConsentToggle } from "./consent-toggle";

export function ChannelsTable({ status }: { status: TelemetryStatus }) {
  const c = status.channels;
  return (
    <section aria-labelledby="channels-h" className="mb-10">
      <h2 id="channels-h" className="mb-4 text-xl font-semibold">
        Other channels
      </h2>
      {c.doNotTrack && <p className="mb-3 text-sm font-medium">DO_NOT_TRACK is set: every outgoing channel is off.</p>}
      <Table caption="Channels and their status" testId="channels" columns={["Channel", "Status", "Where"]}>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-2 pr-4 font-medium">
            Product analytics (PostHog)
          </th>
          <td className="py-2 pr-4">
            {c.posthog.configured ? "Configured" : "Not configured (POSTHOG_API_KEY unset)"}
          </td>
          <td className="py-2">{c.posthog.configured ? c.posthog.host : "—"}</td>
        </tr>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-2 pr-4 font-medium">
            Error reports (Sentry)
          </th>
          <td className="py-2 pr-4">
            {c.sentry.configured
              ? `Configured, traces rate ${c.sentry.tracesRate}`
              : "Not configured (SENTRY_DSN unset)"}
          </td>
          <td className="py-2">{c.sentry.configured ? "Your Sentry project" : "—"}</td>
        </tr>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-2 pr-4 font-medium">
            Metrics (Prometheus)
          </th>
          <td className="py-2 pr-4">
            {c.metrics.tokenSet ? "Protected by METRICS_TOKEN" : "Open (METRICS_TOKEN unset)"}
          </td>
          <td className="py-2">
            <code>{c.metrics.path}</code> on this server
          </td>
        </tr>
        <tr>
          <th scope="row" className="py-2 pr-4 font-medium">
            Logs
          </th>
          <td className="py-2 pr-4">Always on, local only</td>
          <td className="py-2">
            <code>{c.logFile}</code>
          </td>
        </tr>
      </Table>
      <div className="mt-4">
        {c.posthog.configured ? (
          <ConsentToggle
            action={setProductAnalyticsAction}
            enabled={c.posthog.productAnalyticsEnabled}
            label="Allow product analytics"
            confirmOn="Send feature-usage events (internal ids and yes/no facts, never names, notes or emails) to PostHog?"
            confirmOff="Stop sending product analytics?"
            testId="product-analytics-toggle"
          />
        ) : (
          <p className="text-sm">Product analytics: off (no PostHog key configured).</p>
        )}
      </div>
    </section>
  );
}
