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
import { onWebhookNudge } from "./webhook-nudge";

const PRUNE_EVERY_MS = 3600_000;
/** After a nudge: look again after these waits while nothing is found. The nudge comes from inside
 * the change's transaction, so the first look may run before its commit is visible. */
const NUDGE_STEPS_MS = [5, 20, 75, 200];

interface Worker {
  timer?: NodeJS.Timeout;
  stopped: boolean;
  current?: Promise<unknown>;
  options: DeliveryOptions;
  pollMs: number;
  prunedAt: number;
  /** Index into NUDGE_STEPS_MS while following a nudge; -1 otherwise. */
  nudgeStep: number;
  /** A nudge arrived while a pass was running: look again right after it. */
  nudgedDuringPass: boolean;
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
  if (w.nudgedDuringPass) {
    w.nudgedDuringPass = false;
    w.nudgeStep = 0;
  }
  // A full batch: there may be more due right now. After a nudge, a few quick looks, then the poll.
  if (claimed >= w.options.batchSize) return schedule(w, 0);
  if (claimed > 0) w.nudgeStep = Math.max(w.nudgeStep, 0);
  if (w.nudgeStep >= 0 && w.nudgeStep < NUDGE_STEPS_MS.length) return schedule(w, NUDGE_STEPS_MS[w.nudgeStep++]);
  w.nudgeStep = -1;
  schedule(w, w.pollMs);
}

function nudge(w: Worker): void {
  if (w.stopped) return;
  if (w.current) {
    w.nudgedDuringPass = true;
    return;
  }
  if (w.timer) clearTimeout(w.timer);
  w.nudgeStep = 0;
  schedule(w, NUDGE_STEPS_MS[w.nudgeStep++]);
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
    nudgeStep: -1,
    nudgedDuringPass: false,
  };
  g.__ttWebhookWorker = w;
  onWebhookNudge(() => nudge(w));
  schedule(w, 0);
}

/** Stops polling and waits for the deliveries in flight (each bounded by the request timeout). */
export async function stopWebhookWorker(): Promise<void> {
  const w = g.__ttWebhookWorker;
  if (!w) return;
  w.stopped = true;
  onWebhookNudge(undefined);
  if (w.timer) clearTimeout(w.timer);
  await w.current;
  delete g.__ttWebhookWorker;
}
