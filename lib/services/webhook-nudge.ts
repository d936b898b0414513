// Wakes this process's webhook worker when a change queued deliveries, so they go out within
// milliseconds instead of at the next poll (WEBHOOK_POLL_SECONDS). The outbox calls nudgeWebhookWorker()
// inside the change's transaction; the worker registers what to do. A module of its own so the outbox
// does not import the worker (which imports the delivery code, which imports the outbox).
import "server-only";

const KEY = Symbol.for("timetracker.webhookNudge");
const g = globalThis as unknown as { [KEY]?: () => void };

export function onWebhookNudge(fn: (() => void) | undefined): void {
  g[KEY] = fn;
}

export function nudgeWebhookWorker(): void {
  g[KEY]?.();
}
