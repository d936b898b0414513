// The endpoints of one scope with their state, their row actions and, folded, the delivery log.
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
  const [text, cls] = e.enabled
    ? ["Enabled", "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100"]
    : e.disabledReason
      ? ["Disabled automatically", "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"]
      : ["Disabled", "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"];
  return <span className={`rounded px-2 py-0.5 text-xs font-medium ${cls}`}>{text}</span>;
}

function DeliveryLog({ rows, tz }: { rows: WebhookDeliveryDto[]; tz: string }) {
  if (!rows.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No deliveries yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th className="py-1 pr-3 font-medium">Queued</th>
            <th className="py-1 pr-3 font-medium">Event</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 pr-3 font-medium">Attempts</th>
            <th className="py-1 pr-3 font-medium">Response</th>
            <th className="py-1 pr-3 font-medium">Time</th>
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
                {d.status === "pending" && d.attempts > 0 ? `retry at ${retryAt(d.nextAttemptAt, tz)}` : d.status}
              </td>
              <td className="py-1 pr-3">{d.attempts}</td>
              <td className="py-1 pr-3">
                {d.lastStatusCode ?? "—"}
                {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` && (
                  <span className="block text-xs text-red-700 dark:text-red-400">{d.lastError}</span>
                )}
              </td>
              <td className="py-1 pr-3 whitespace-nowrap">
                {d.lastDurationMs === null ? "—" : `${d.lastDurationMs} ms`}
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
  if (!endpoints.length)
    return (
      <EmptyState title="No endpoints yet">
        Add the URL of a service that should hear about changes. Each request is signed, so it can check that it came
        from here.
      </EmptyState>
    );
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
              {e.disabledReason} Fix the receiver, then re-enable the endpoint: queued events from the last 24 hours are
              sent again.
            </p>
          )}
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Events: {e.events.join(", ")}
            {e.enabled && e.failureCount > 0 ? ` · ${e.failureCount} failed attempts in a row` : ""}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <ActionButton action={actions.sendTest} fields={{ id: e.id }} label="Send test event" />
            <ActionButton
              action={actions.setEnabled}
              fields={{ id: e.id, enabled: e.enabled ? "false" : "true" }}
              label={e.enabled ? "Disable" : e.disabledReason ? "Re-enable" : "Enable"}
            />
            <DeleteButton action={actions.remove} id={e.id} what="endpoint and its delivery log" />
          </div>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">Edit</summary>
            <div className="mt-2">
              <WebhookEditForm action={actions.update} endpoint={e} />
            </div>
          </details>
          <details className="mt-3">
            <summary className="cursor-pointer text-sm font-medium">Delivery log</summary>
            <div className="mt-2">
              <DeliveryLog rows={deliveries[e.id] ?? []} tz={tz} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
