// The status of every other channel: PostHog (and the product-analytics consent), Sentry, metrics, logs.
import { useTranslations } from "next-intl";
import { Table } from "@/components/ui/table";
import type { TelemetryStatus } from "@/lib/services/telemetry";
import { setProductAnalyticsAction } from "../actions";
import { ConsentToggle } from "./consent-toggle";

export function ChannelsTable({ status }: { status: TelemetryStatus }) {
  const t = useTranslations("AdminTelemetry");
  const c = status.channels;
  return (
    <section aria-labelledby="channels-h" className="mb-10">
      <h2 id="channels-h" className="mb-4 text-xl font-semibold">
        {t("channels")}
      </h2>
      {c.doNotTrack && <p className="mb-3 text-sm font-medium">{t("doNotTrack")}</p>}
      <Table caption={t("channelsCaption")} testId="channels" columns={[t("channel"), t("status"), t("where")]}>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-2 pr-4 font-medium">
            {t("posthog")}
          </th>
          <td className="py-2 pr-4">{c.posthog.configured ? t("configured") : t("posthogUnset")}</td>
          <td className="py-2">{c.posthog.configured ? c.posthog.host : "—"}</td>
        </tr>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-2 pr-4 font-medium">
            {t("sentry")}
          </th>
          <td className="py-2 pr-4">
            {c.sentry.configured ? t("sentryOn", { rate: String(c.sentry.tracesRate) }) : t("sentryUnset")}
          </td>
          <td className="py-2">{c.sentry.configured ? t("sentryWhere") : "—"}</td>
        </tr>
        <tr className="border-b border-slate-200 dark:border-slate-800">
          <th scope="row" className="py-2 pr-4 font-medium">
            {t("metrics")}
          </th>
          <td className="py-2 pr-4">{c.metrics.tokenSet ? t("metricsProtected") : t("metricsOpen")}</td>
          <td className="py-2">
            {t.rich("metricsWhere", { path: c.metrics.path, code: (chunks) => <code>{chunks}</code> })}
          </td>
        </tr>
        <tr>
          <th scope="row" className="py-2 pr-4 font-medium">
            {t("logs")}
          </th>
          <td className="py-2 pr-4">{t("logsStatus")}</td>
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
            label={t("analyticsToggle")}
            confirmOn={t("analyticsOn")}
            confirmOff={t("analyticsOff")}
            testId="product-analytics-toggle"
          />
        ) : (
          <p className="text-sm">{t("analyticsNone")}</p>
        )}
      </div>
    </section>
  );
}
