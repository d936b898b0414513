// The webhook event types an endpoint can subscribe to, and what each one means. Pure data: the
// forms, the services and docs/webhooks.md use the same list. invoice.* are reserved for invoicing.
export const WEBHOOK_EVENT_TYPES = [
  "entry.created",
  "entry.updated",
  "entry.deleted",
  "timer.started",
  "timer.stopped",
  "project.created",
  "project.updated",
  "project.archived",
  "client.created",
  "client.updated",
  "client.archived",
  "invoice.issued",
  "invoice.paid",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by "Send test event", to that one endpoint, whatever it subscribed to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "entry.created": "Time entry created (by hand, in bulk or by duplicating)",
  "entry.updated": "Time entry edited",
  "entry.deleted": "Time entry deleted",
  "timer.started": "Timer started",
  "timer.stopped": "Timer stopped",
  "project.created": "Project created",
  "project.updated": "Project edited",
  "project.archived": "Project archived or restored",
  "client.created": "Client created",
  "client.updated": "Client edited",
  "client.archived": "Client archived or restored",
  "invoice.issued": "Invoice issued",
  "invoice.paid": "Invoice paid",
};
