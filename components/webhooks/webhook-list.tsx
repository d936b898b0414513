// The endpoints of one scope with their state, their row actions and, folded, the delivery log.
import { useTranslations } from "next-intl";
import { ActionButton, DeleteButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { formatStamp } from "@/lib/format";
import { WebhookEditForm, type EditWebhookAction } from "./webhook-edit-form";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/lib/services/webhooks";

export interface WebhookActions {
  update: EditWebhookAction;
  setEnabled: FormAction;
  remove: FormAction;
  sendTest: FormAction;
}

/** A time on the viewer's clock ("2026-12-07 15:05"). */
const when = (d: Date, tz: string) => formatStamp(d, tz);
/** A retry time: the time of day when it is the viewer's today, else the full date. */
const retryAt = (d: Date, tz: string) => {
  const stamp = formatStamp(d, tz);
  return stamp.slice(0, 10) === formatStamp(new Date(), tz).slice(0, 10) ? stamp.slice(11) : stamp;
};

function StateBadge({ e }: { e: WebhookEndpointDto }) {
  const t = useTranslations("Webhooks");
  const [text, cls] = e.enabled
    ? [t("enabled"), "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100"]
    : e.disabledReason
      ? [t("disabledAuto"), "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"]
      : [t("disabled"), "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"];
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${cls}`}>{text}</span>;
}

function DeliveryLog({ rows, tz }: { rows: WebhookDeliveryDto[]; tz: string }) {
  const t = useTranslations("Webhooks");
  if (!rows.length) return <p className="text-sm text-slate-600 dark:text-slate-400">{t("noDeliveries")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th className="py-1 pr-3 font-medium">{t("queued")}</th>
            <th className="py-1 pr-3 font-medium">{t("event")}</th>
            <th className="py-1 pr-3 font-medium">{t("status")}</th>
            <th className="py-1 pr-3 font-medium">{t("attempts")}</th>
            <th className="py-1 pr-3 font-medium">{t("response")}</th>
            <th className="py-1 pr-3 font-medium">{t("time")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="py-1 pr-3 whitespace-nowrap">{when(d.createdAt, tz)}</td>
              <td className="py-1 pr-3">
                <code className="text-xs">{d.eventType}</code>
              </td>
              <td className="py-1 pr-3">
                {d.status === "pending" && d.attempts > 0
                  ? t("retryAt", { time: retryAt(d.nextAttemptAt, tz) })
                  : t("deliveryStatus", { status: d.status })}
              </td>
              <td className="py-1 pr-3">{d.attempts}</td>
              <td className="py-1 pr-3">
                {d.lastStatusCode ?? "—"}
                {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` && (
                  <span className="block text-xs text-red-700 dark:text-red-400">{d.lastError}</span>
                )}
              </td>
              <td className="py-1 pr-3 whitespace-nowrap">
                {d.lastDurationMs === null ? "—" : t("durationMs", { ms: String(d.lastDurationMs) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WebhookList({
  endpoints,
  deliveries,
  actions,
  tz,
}: {
  endpoints: WebhookEndpointDto[];
  deliveries: Record<string, WebhookDeliveryDto[]>;
  actions: WebhookActions;
  /** The viewer's time zone: delivery times are shown on their clock. */
  tz: string;
}) {
  const t = useTranslations("Webhooks");
  if (!endpoints.length) return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  return (
    <ul className="flex flex-col gap-4">
      {endpoints.map((e) => (
        <li
          key={e.id}
          className="rounded-lg border border-slate-200 p-4 dark:border-slate-800"
          data-testid="webhook-endpoint"
        >
          <div className="flex flex-wrap items-center gap-2">
            <StateBadge e={e} />
            <span className="font-mono text-sm break-all">{e.url}</span>
          </div>
          {e.description && <p className="mt-1 text-sm">{e.description}</p>}
          {e.disabledReason && (
            <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300">
              {t("fixReceiver", { reason: e.disabledReason })}
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {t("eventsList", { events: e.events.join(", ") })}
            {e.enabled && e.failureCount > 0 ? t("failures", { count: String(e.failureCount) }) : ""}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <ActionButton action={actions.sendTest} fields={{ id: e.id }} label={t("sendTest")} />
            <ActionButton
              action={actions.setEnabled}
              fields={{ id: e.id, enabled: e.enabled ? "false" : "true" }}
              label={e.enabled ? t("disable") : e.disabledReason ? t("reenable") : t("enable")}
            />
            <DeleteButton action={actions.remove} id={e.id} what={t("deleteWhat")} />
          </div>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">{t("edit")}</summary>
            <div className="mt-2">
              <WebhookEditForm action={actions.update} endpoint={e} />
            </div>
          </details>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">{t("log")}</summary>

            <div className="mt-2">
              <DeliveryLog rows={deliveries[e.id] ?? []} tz={tz} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
