// The webhook event types an endpoint can subscribe to. Pure data: the forms, the services and
// docs/webhooks.md use the same list (what each one means: messages/en.json, "WebhookEvents").
// invoice.* are reserved for invoicing.
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
