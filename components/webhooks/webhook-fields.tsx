"use client";
// The fields of a webhook endpoint (URL, description, events), shared by the add and edit forms.
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

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
  const t = useTranslations("Webhooks");
  const te = useTranslations("WebhookEvents");
  const checked = (type: string) => (initial ? initial.events.includes(type) : !type.startsWith("invoice."));
  return (
    <>
      <TextField
        label={t("url")}
        name="url"
        type="url"
        required
        defaultValue={initial?.url}
        placeholder={t("urlPlaceholder")}
      />
      <TextField label={t("description")} name="description" maxLength={200} defaultValue={initial?.description} />
      <fieldset aria-describedby={eventErrors ? `${prefix}-events-error` : undefined}>
        <legend className="mb-1 text-sm font-medium">{t("events")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="events" value={type} defaultChecked={checked(type)} className="mt-1" />
              <span>
                <code className="text-xs">{type}</code>
                <span className="block text-slate-600 dark:text-slate-400">{te(type)}</span>
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
