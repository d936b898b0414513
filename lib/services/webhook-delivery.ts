// One pass of webhook delivery: claim due outbox rows (FOR UPDATE SKIP LOCKED, so with several app
// instances on one PostgreSQL each row goes to exactly one of them), send them signed, and record
// the outcome: delivered, retry later (exponential backoff for 24 h), or given up; an endpoint that
// keeps failing is disabled. The loop that calls this lives in webhook-worker.ts.
import "server-only";
import { db, dbConnection } from "@/lib/db";
import type { RawSql } from "@/lib/db/raw";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/observability/logger";
import { observeWebhookAttempt } from "@/lib/observability/metrics";
import { track } from "@/lib/observability/track";
import { APP_VERSION } from "@/lib/version";
import { DEFAULT_RETRY, nextAttemptAt, type RetryPolicy } from "@/lib/webhooks/backoff";
import { sendWebhook, type SendOutcome } from "@/lib/webhooks/send";
import { signWebhook } from "@/lib/webhooks/signature";
import { deliverLater } from "@/lib/mail/later";
import { mailConfigured, mailLinkOrigin, sendMail } from "@/lib/mail/send";
import { webhookDisabledMail } from "@/lib/mail/templates";
import { getOrgSettings } from "./settings";
import { forgetDisabledWebhooks } from "./webhooks";

export interface DeliveryOptions {
  batchSize: number;
  /** How long a claim holds a row: a worker that dies mid-send frees it after this. */
  leaseMs: number;
  timeoutMs: number;
  maxBodyBytes: number;
  allowPrivate: boolean;
  /** Consecutive failed attempts after which the endpoint is disabled. */
  disableAfter: number;
  retry: RetryPolicy;
  /** The clock; tests move it forward instead of sleeping. */
  now: () => Date;
}

export function deliveryOptionsFromEnv(): DeliveryOptions {
  const e = env();
  return {
    batchSize: 10,
    leaseMs: 60_000 + e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    timeoutMs: e.WEBHOOK_TIMEOUT_SECONDS * 1000,
    maxBodyBytes: 64 * 1024,
    allowPrivate: e.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    disableAfter: e.WEBHOOK_DISABLE_AFTER_FAILURES,
    retry: DEFAULT_RETRY,
    now: () => new Date(),
  };
}

export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  createdAt: Date;
}

// One statement: the inner SELECT locks the due rows it picks and skips rows another worker has
// locked; the UPDATE marks them as being delivered until the lease ends. PGlite runs the same SQL.
const CLAIM_SQL = `
UPDATE webhook_deliveries d
   SET status = 'delivering', attempts = d.attempts + 1, next_attempt_at = $2::timestamptz + $3 * interval '1 millisecond', updated_at = $2::timestamptz
 WHERE d.id IN (
   SELECT w.id FROM webhook_deliveries w JOIN webhook_endpoints e ON e.id = w.endpoint_id
    WHERE w.status IN ('pending', 'delivering') AND w.next_attempt_at <= $2::timestamptz AND e.enabled
    ORDER BY w.next_attempt_at
    LIMIT $1
    FOR UPDATE OF w SKIP LOCKED)
RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, d.created_at`;

interface ClaimRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  created_at: Date | string;
}

/** Marks up to `limit` due deliveries as this worker's until the lease ends. `raw`: another
 * connection (tests run two workers, as two app instances would). */
export async function claimDueDeliveries(
  limit: number,
  now: Date,
  leaseMs: number,
  raw: RawSql = dbConnection().raw,
): Promise<ClaimedDelivery[]> {
  const rows = await raw.query<ClaimRow>(CLAIM_SQL, [limit, now.toISOString(), leaseMs]);
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type,
    payload: typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload,
    attempts: Number(r.attempts),
    createdAt: new Date(r.created_at),
  }));
}

const log = () => childLogger("webhooks");

async function recordSuccess(d: ClaimedDelivery, out: SendOutcome, now: Date): Promise<void> {
  await db().webhookDelivery.updateMany({
    where: { id: d.id, status: "delivering", attempts: d.attempts },
    data: {
      status: "succeeded",
      deliveredAt: now,
      lastStatusCode: out.status,
      lastDurationMs: out.durationMs,
      lastError: null,
    },
  });
  await db().webhookEndpoint.updateMany({
    where: { id: d.endpointId, failureCount: { gt: 0 } },
    data: { failureCount: 0 },
  });
}

async function recordFailure(
  d: ClaimedDelivery,
  out: SendOutcome,
  o: DeliveryOptions,
  now: Date,
): Promise<"retry" | "gave_up"> {
  const next = nextAttemptAt(d.attempts, d.createdAt, now, o.retry);
  await db().webhookDelivery.updateMany({
    where: { id: d.id, status: "delivering", attempts: d.attempts },
    data: {
      status: next ? "pending" : "failed",
      ...(next ? { nextAttemptAt: next } : {}),
      lastStatusCode: out.status,
      lastDurationMs: out.durationMs,
      lastError: out.error,
    },
  });
  const ep = await db().webhookEndpoint.update({
    where: { id: d.endpointId },
    data: { failureCount: { increment: 1 } },
    select: { failureCount: true, ownerId: true },
  });
  if (ep.failureCount >= o.disableAfter) {
    const reason = `Disabled after ${ep.failureCount} failed attempts in a row (last: ${out.error ?? "error"}).`;
    const changed = await db().webhookEndpoint.updateMany({
      where: { id: d.endpointId, enabled: true },
      data: { enabled: false, disabledReason: reason, disabledAt: now },
    });
    if (changed.count) {
      forgetDisabledWebhooks();
      log().warn(
        { event: "webhook.endpoint_disabled", endpoint_id: d.endpointId, failures: ep.failureCount },
        "webhook endpoint disabled after repeated failures",
      );
      track(
        "webhook.endpoint_disabled",
        { endpoint_id: d.endpointId, organization_wide: ep.ownerId === null, failures: ep.failureCount },
        ep.ownerId ? { userId: ep.ownerId } : {},
      );
      mailEndpointDisabled(d.endpointId, ep.ownerId, ep.failureCount, out.error ?? "error");
    }
  }
  return next ? "retry" : "gave_up";
}

/**
 * Tells the people who can turn the endpoint on again: its owner, or every active admin for an
 * organization-wide one. Only when email is set up (the banner on every page says it regardless);
 * after the worker's pass, never holding it up. The endpoint is named by its description or host:
 * a URL's path and query may hold a receiver's secret.
 */
function mailEndpointDisabled(endpointId: string, ownerId: string | null, failures: number, lastError: string): void {
  if (!mailConfigured()) return;
  deliverLater("webhook_disabled", async () => {
    const ep = await db().webhookEndpoint.findUnique({
      where: { id: endpointId },
      select: { url: true, description: true },
    });
    if (!ep) return;
    const people = await db().user.findMany({
      where: ownerId ? { id: ownerId, active: true } : { role: "admin", active: true },
      select: { email: true },
    });
    const origin = mailLinkOrigin();
    const content = webhookDisabledMail({
      org: (await getOrgSettings()).name,
      endpoint: ep.description ? `"${ep.description}" (${new URL(ep.url).host})` : new URL(ep.url).host,
      failures,
      lastError,
      url: origin ? `${origin}${ownerId ? "/profile/webhooks" : "/admin/webhooks"}` : null,
    });
    // One refused address must not keep the others from hearing (sendMail logs each failure).
    for (const p of people) await sendMail("webhook_disabled", p.email, content).catch(() => undefined);
  });
}

async function deliverOne(d: ClaimedDelivery, o: DeliveryOptions): Promise<void> {
  const endpoint = await db().webhookEndpoint.findUnique({
    where: { id: d.endpointId },
    select: { url: true, secret: true },
  });
  if (!endpoint) return;
  const body = JSON.stringify(d.payload);
  const ts = Math.floor(o.now().getTime() / 1000);
  const out = await sendWebhook({
    url: endpoint.url,
    body,
    timeoutMs: o.timeoutMs,
    maxBodyBytes: o.maxBodyBytes,
    allowPrivate: o.allowPrivate,
    headers: {
      "content-type": "application/json",
      "user-agent": `TimeTracker-Webhooks/${APP_VERSION}`,
      "webhook-id": d.eventId,
      "webhook-timestamp": String(ts),
      "webhook-signature": signWebhook(endpoint.secret, d.eventId, ts, body),
    },
  });
  const now = o.now();
  const outcome = out.ok ? "success" : await recordFailure(d, out, o, now);
  if (out.ok) await recordSuccess(d, out, now);
  observeWebhookAttempt(
    out.status === null && out.error?.includes("private") ? "refused" : outcome,
    out.durationMs / 1000,
  );
  // No URL (it may carry a token), no payload, no secret: ids, codes and timings only.
  log().info(
    {
      event: "webhook.attempt",
      delivery_id: d.id,
      endpoint_id: d.endpointId,
      event_type: d.eventType,
      attempt: d.attempts,
      status: out.status,
      duration_ms: out.durationMs,
      outcome,
      error: out.error,
    },
    `webhook ${d.eventType} attempt ${d.attempts}: ${outcome}`,
  );
}

/** Claims up to batchSize due deliveries and sends them concurrently; how many were claimed. */
export async function deliverDueWebhooks(o: DeliveryOptions = deliveryOptionsFromEnv()): Promise<number> {
  const claimed = await claimDueDeliveries(o.batchSize, o.now(), o.leaseMs);
  await Promise.all(
    claimed.map((d) =>
      deliverOne(d, o).catch((err) =>
        log().error({ event: "webhook.worker_error", delivery_id: d.id, err }, "webhook delivery failed unexpectedly"),
      ),
    ),
  );
  return claimed.length;
}

/** Deletes finished deliveries (succeeded or given up) older than `keepDays`: the log stays bounded. */
export async function pruneWebhookDeliveries(now: Date, keepDays = 30): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  const res = await db().webhookDelivery.deleteMany({
    where: { status: { in: ["succeeded", "failed"] }, updatedAt: { lt: before } },
  });
  return res.count;
}

/** For the scrape-time gauge: rows waiting (incl. scheduled retries) and rows being sent. */
export async function countWebhookQueue(): Promise<{ pending: number; delivering: number }> {
  const rows = await db().webhookDelivery.groupBy({
    by: ["status"],
    where: { status: { in: ["pending", "delivering"] } },
    _count: { _all: true },
  });
  const out = { pending: 0, delivering: 0 };
  for (const r of rows) out[r.status as "pending" | "delivering"] = r._count._all;
  return out;
}
