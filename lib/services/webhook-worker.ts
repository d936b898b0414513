// The background loop that delivers webhooks: started once per server process (startup.ts) and
// stopped on shutdown. Every app instance runs one; claims are exclusive (webhook-delivery.ts).
import "server-only";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/observability/logger";
import {
  deliverDueWebhooks,
  deliveryOptionsFromEnv,
  pruneWebhookDeliveries,
  type DeliveryOptions,
} from "./webhook-delivery";

const PRUNE_EVERY_MS = 3600_000;

interface Worker {
  timer?: NodeJS.Timeout;
  stopped: boolean;
  current?: Promise<unknown>;
  options: DeliveryOptions;
  pollMs: number;
  prunedAt: number;
}
const g = globalThis as unknown as { __ttWebhookWorker?: Worker };

function schedule(w: Worker, ms: number) {
  if (w.stopped) return;
  w.timer = setTimeout(() => void tick(w), ms);
  w.timer.unref();
}

async function tick(w: Worker) {
  let claimed = 0;
  const prune = Date.now() - w.prunedAt > PRUNE_EVERY_MS;
  if (prune) w.prunedAt = Date.now();
  const run = (prune ? pruneWebhookDeliveries(w.options.now()) : Promise.resolve(0))
    .then(() => deliverDueWebhooks(w.options))
    .then(
      (n) => (claimed = n),
      (err) => childLogger("webhooks").warn({ event: "webhook.poll_failed", err }, "webhook poll failed"),
    );
  w.current = run;
  await run;
  w.current = undefined;
  // A full batch: there may be more due right now.
  schedule(w, claimed >= w.options.batchSize ? 0 : w.pollMs);
}

export function startWebhookWorker(opts: Partial<DeliveryOptions> & { pollMs?: number } = {}): void {
  if (g.__ttWebhookWorker && !g.__ttWebhookWorker.stopped) return;
  const { pollMs, ...options } = opts;
  const w: Worker = {
    stopped: false,
    options: { ...deliveryOptionsFromEnv(), ...options },
    pollMs: pollMs ?? env().WEBHOOK_POLL_SECONDS * 1000,
    // The first prune a few minutes after start, not in the middle of it.
    prunedAt: Date.now() - PRUNE_EVERY_MS + 5 * 60_000,
  };
  g.__ttWebhookWorker = w;
  schedule(w, 0);
}

/** Stops polling and waits for the deliveries in flight (each bounded by the request timeout). */
export async function stopWebhookWorker(): Promise<void> {
  const w = g.__ttWebhookWorker;
  if (!w) return;
  w.stopped = true;
  if (w.timer) clearTimeout(w.timer);
  await w.current;
  delete g.__ttWebhookWorker;
}
