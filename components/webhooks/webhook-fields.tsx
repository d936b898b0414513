"use client";
// The fields of a webhook endpoint (URL, description, events), shared by the add and edit forms.
import { TextField } from "@/components/ui/field";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export function WebhookFields({
  prefix,
  eventErrors,
  initial,
}: {
  prefix: string;
  eventErrors?: string[];
  /** The endpoint being edited; a new one starts with every event but the invoice ones. */
  initial?: { url: string; description: string; events: string[] };
}) {
  const checked = (t: string) => (initial ? initial.events.includes(t) : !t.startsWith("invoice."));
  return (
    <>
      <TextField
        label="URL"
        name="url"
        type="url"
        required
        defaultValue={initial?.url}
        placeholder="https://example.com/hooks/timetracker"
      />
      <TextField
        label="Description (optional)"
        name="description"
        maxLength={200}
        defaultValue={initial?.description}
      />
      <fieldset aria-describedby={eventErrors ? `${prefix}-events-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">Events to send</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((t) => (
            <label key={t} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events" value={t} defaultChecked={checked(t)} className="mt-1" />
              <span>
                <code className="text-xs">{t}</code>
                <span className="block text-slate-600 dark:text-slate-400">{WEBHOOK_EVENT_LABELS[t]}</span>
              </span>
            </label>
          ))}
        </div>
        <p id={`${prefix}-events-error`} aria-live="polite" className="min-h-5 text-sm text-red-700 dark:text-red-400">
          {eventErrors?.[0]}
        </p>
      </fieldset>
    </>
  );
}
