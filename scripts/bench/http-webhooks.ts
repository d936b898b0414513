// Issue #18's webhook figures, run by http-api.ts: a receiver in the bench process (127.0.0.1, port 0)
// that checks every signature, an endpoint for entry.created owned by one bench user (registered
// through the service, with WEBHOOK_ALLOW_PRIVATE_TARGETS=true — the operator's setting for
// receivers in their own network), and entries created through POST /api/v1/entries with that
// user's token. Phases: paced (the delay without a queue), burst (deliveries/s until all are in),
// backlog (PostgreSQL: the worker's rate with a queue in front), and a receiver that answers 500 to the first attempt of a share of events (retries deliver
// each event id exactly once).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { DbConnection } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createApiToken } from "@/lib/services/api-tokens";
import { createWebhookEndpoint } from "@/lib/services/webhooks";
import { verifyWebhook } from "@/lib/webhooks/signature";
import type { PreparedDb } from "../lib/bench-server";
import { stats } from "./measure";

interface Delivery {
  /** Requests for this event id, and how many were answered 2xx. */
  attempts: number;
  acked: number;
  firstAckAt: number;
  /** The event's timestamp (taken inside the transaction that made the change, just before commit). */
  eventAt: number;
  entryId: string;
  notes: string;
}

export interface Receiver {
  url: string;
  secret: string;
  /** Share of event ids whose first attempt is answered 500 (0: none). */
  failShare: number;
  events: Map<string, Delivery>;
  badSignatures: number;
  requests: number;
  close(): Promise<void>;
}

/** Whether this event id's first attempt fails: a fixed share, by hash, so the run is reproducible. */
const failsFirst = (id: string, share: number) => createHash("sha256").update(id).digest()[0] / 256 < share;

async function startReceiver(): Promise<Receiver> {
  const r: Receiver = {
    url: "",
    secret: "",
    failShare: 0,
    events: new Map(),
    badSignatures: 0,
    requests: 0,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      r.requests++;
      const body = Buffer.concat(chunks).toString("utf8");
      const id = String(req.headers["webhook-id"] ?? "");
      const ok = verifyWebhook(
        r.secret,
        {
          id,
          timestamp: String(req.headers["webhook-timestamp"] ?? ""),
          signature: String(req.headers["webhook-signature"] ?? ""),
        },
        body,
      );
      if (!ok) {
        r.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      const payload = JSON.parse(body) as { timestamp: string; data: { id: string; notes: string } };
      let d = r.events.get(id);
      if (!d) {
        const { id: entryId, notes } = payload.data;
        d = { attempts: 0, acked: 0, firstAckAt: 0, eventAt: Date.parse(payload.timestamp), entryId, notes };
        r.events.set(id, d);
      }
      d.attempts++;
      if (d.attempts === 1 && r.failShare > 0 && failsFirst(id, r.failShare)) {
        res.writeHead(500).end();
        return;
      }
      d.acked++;
      if (!d.firstAckAt) d.firstAckAt = Date.now();
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((res) => server.listen(0, "127.0.0.1", res));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return r;
}

export interface WebhookFixture {
  receiver: Receiver;
  token: string;
  projectId: string;
  userId: string;
}

/** Needs the database connection installed (http-api.ts prepareApiBench). */
export async function prepareWebhookBench(user: { id: string }, projectId: string): Promise<WebhookFixture> {
  const receiver = await startReceiver();
  const actor = { id: user.id, role: "user" as const };
  const before = process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
  resetEnvCache();
  try {
    const { secret } = await createWebhookEndpoint(actor, {
      scope: "own",
      url: receiver.url,
      description: "bench receiver",
      events: ["entry.created"],
    });
    receiver.secret = secret;
  } finally {
    if (before === undefined) delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    else process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = before;
    resetEnvCache();
  }
  const { secret: token } = await createApiToken(actor, {
    name: "bench webhooks",
    scopes: ["entries:write"],
    expiresIn: "7",
  });
  return { receiver, token, projectId, userId: user.id };
}

let made = 0;
/** One entry through the API; resolves with the time its 201 arrived (after the commit). */
async function createEntry(url: string, f: WebhookFixture): Promise<{ id: string; answeredAt: number }> {
  const k = made++;
  const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(k / 8) * 86_400_000).toISOString().slice(0, 10);
  const h = String(8 + (k % 8)).padStart(2, "0");
  const res = await fetch(`${url}/api/v1/entries`, {
    method: "POST",
    headers: { authorization: `Bearer ${f.token}`, "content-type": "application/json" },
    body: JSON.stringify({ projectId: f.projectId, date: day, startTime: `${h}:00`, duration: "1h", notes: "webhook" }),
  });
  if (res.status !== 201) throw new Error(`POST /api/v1/entries: HTTP ${res.status}`);
  const answeredAt = Date.now();
  return { id: ((await res.json()) as { id: string }).id, answeredAt };
}

/** Polls (50 ms) until every entry's event was acknowledged, or the deadline. */
async function allAcked(r: Receiver, entryIds: Set<string>, timeoutMs: number): Promise<boolean> {
  return ackedCount(r, (d) => entryIds.has(d.entryId), entryIds.size, timeoutMs);
}

async function ackedCount(r: Receiver, which: (d: Delivery) => boolean, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let n = 0;
    for (const d of r.events.values()) if (d.acked && which(d)) n++;
    if (n >= count) return true;
    if (Date.now() > deadline) return false;
    await new Promise((res) => setTimeout(res, 50));
  }
}

const eventsOf = (r: Receiver, ids: Set<string>) => [...r.events.entries()].filter(([, d]) => ids.has(d.entryId));
const ms = (xs: number[]) => {
  const s = stats(xs);
  return { p50: Math.round(s.p50), p95: Math.round(s.p95), max: Math.round(s.max) };
};

/** Phase 1: one creation at a time, 150 ms apart: the delay with no queue in front. */
async function paced(url: string, f: WebhookFixture, n: number) {
  const created = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = await createEntry(url, f);
    created.set(e.id, e.answeredAt);
    await new Promise((res) => setTimeout(res, 150));
  }
  const ids = new Set(created.keys());
  const complete = await allAcked(f.receiver, ids, 60_000);
  const evs = eventsOf(f.receiver, ids).map(([, d]) => d);
  return {
    events: n,
    complete,
    delayFromEventMs: ms(evs.map((d) => d.firstAckAt - d.eventAt)),
    delayFrom201Ms: ms(evs.map((d) => d.firstAckAt - created.get(d.entryId)!)),
  };
}

/** Phase 2: n creations from 10 concurrent clients; throughput until the last one is received. */
async function burst(url: string, f: WebhookFixture, n: number) {
  const ids = new Set<string>();
  const started = Date.now();
  let left = n;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (left-- > 0) ids.add((await createEntry(url, f)).id);
    }),
  );
  const createdIn = Date.now() - started;
  const complete = await allAcked(f.receiver, ids, 120_000);
  const evs = eventsOf(f.receiver, ids).map(([, d]) => d);
  const firstAck = Math.min(...evs.map((d) => d.firstAckAt));
  const lastAck = Math.max(...evs.map((d) => d.firstAckAt));
  const perSecond = (count: number, msSpan: number) => Math.round((count / Math.max(msSpan, 1)) * 10_000) / 10;
  return {
    events: n,
    complete,
    createdPerSecond: perSecond(n, createdIn),
    allDeliveredAfterMs: lastAck - started,
    deliveriesPerSecond: perSecond(n, lastAck - started),
    deliveriesPerSecondFirstToLast: perSecond(n, lastAck - firstAck),
    delayFromEventMs: ms(evs.map((d) => d.firstAckAt - d.eventAt)),
  };
}

/**
 * Phase 2b (PostgreSQL only: the bench process opens its own connection beside the server's): the
 * worker's rate with a queue in front. One statement queues n entry.created deliveries for the
 * endpoint at once (a synthetic payload: no API could create entries faster than the worker sends
 * them); the server's worker finds them at its next poll and works through them.
 */
async function backlog(f: WebhookFixture, n: number, open: () => DbConnection) {
  const conn = open();
  const started = Date.now();
  try {
    await conn.raw.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, updated_at)
       SELECT gen_random_uuid(), e.id, gen_random_uuid(), 'entry.created',
              jsonb_build_object('type', 'entry.created',
                'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'data', jsonb_build_object('id', gen_random_uuid(), 'notes', 'backlog')), now()
         FROM webhook_endpoints e CROSS JOIN generate_series(1, $1::int) WHERE e.owner_id = $2::uuid`,
      [n, f.userId],
    );
  } finally {
    await conn.close();
  }
  const queuedInMs = Date.now() - started;
  const complete = await ackedCount(f.receiver, (d) => d.notes === "backlog", n, 120_000);
  const evs = [...f.receiver.events.values()].filter((d) => d.notes === "backlog");
  const firstAck = Math.min(...evs.map((d) => d.firstAckAt));
  const lastAck = Math.max(...evs.map((d) => d.firstAckAt));
  return {
    events: n,
    complete,
    queuedInMs,
    firstToLastMs: lastAck - firstAck,
    deliveriesPerSecond: Math.round((n / Math.max(lastAck - firstAck, 1)) * 10_000) / 10,
    delayFromEventMs: ms(evs.map((d) => d.firstAckAt - d.eventAt)),
  };
}

/** Phase 3: the first attempt of ~20 % of events answered 500; all delivered exactly once? */
async function failing(url: string, f: WebhookFixture, n: number) {
  f.receiver.failShare = 0.2;
  const ids = new Set<string>();
  for (let i = 0; i < n; i++) ids.add((await createEntry(url, f)).id);
  const complete = await allAcked(f.receiver, ids, 180_000);
  // A duplicate would come from a second claim of an acknowledged row: give the worker a few polls.
  await new Promise((res) => setTimeout(res, 3000));
  f.receiver.failShare = 0;
  const evs = eventsOf(f.receiver, ids).map(([, d]) => d);
  const retried = evs.filter((d) => d.attempts > 1);
  return {
    events: n,
    complete,
    distinctEventIds: evs.length,
    firstAttemptsRefused: retried.length,
    ackedExactlyOnce: evs.filter((d) => d.acked === 1).length,
    duplicates: evs.filter((d) => d.acked > 1).length,
    exactlyOncePerEventId: complete && evs.length === n && evs.every((d) => d.acked === 1),
    retriedDelayFromEventMs: retried.length ? ms(retried.map((d) => d.firstAckAt - d.eventAt)) : null,
  };
}

export async function runWebhookBench(
  url: string,
  f: WebhookFixture,
  o: { events: number; log: (m: string) => void; db?: PreparedDb },
) {
  const p = await paced(url, f, Math.min(50, Math.max(10, Math.round(o.events / 10))));
  o.log(`webhooks paced: delay from event p50 ${p.delayFromEventMs.p50} ms, p95 ${p.delayFromEventMs.p95} ms`);
  const b = await burst(url, f, o.events);
  o.log(
    `webhooks burst: ${b.events} events, ${b.deliveriesPerSecond} deliveries/s (created ${b.createdPerSecond}/s), ` +
      `delay p50 ${b.delayFromEventMs.p50} ms, p95 ${b.delayFromEventMs.p95} ms`,
  );
  const q = o.db?.kind === "postgres" ? await backlog(f, o.events, o.db.open) : null;
  if (q)
    o.log(
      `webhooks backlog: ${q.events} deliveries queued at once, sent at ${q.deliveriesPerSecond}/s (first to last receipt)`,
    );
  const x = await failing(url, f, Math.min(100, Math.max(20, Math.round(o.events / 5))));
  o.log(
    `webhooks with 500s: ${x.events} events, ${x.firstAttemptsRefused} first attempts refused, exactly once: ${x.exactlyOncePerEventId}`,
  );
  if (f.receiver.badSignatures)
    throw new Error(`${f.receiver.badSignatures} webhook requests failed the signature check`);
  return {
    method: {
      receiver: "node:http in the bench process on 127.0.0.1; every request's Standard Webhooks signature verified",
      delay:
        "receipt (first 2xx) minus the event's timestamp, which the server takes inside the change's transaction just before commit; delayFrom201Ms: minus the moment the API's 201 arrived",
      paced: "one POST /api/v1/entries at a time, 150 ms apart",
      burst: "10 concurrent clients creating entries; deliveriesPerSecond = events / (last receipt - first creation)",
      backlog:
        "the same number of entries created by the bulk-entry service from the bench process (31 per transaction); deliveriesPerSecond = events / (last receipt - first receipt)",
      failing:
        "the receiver answers 500 to the first attempt of ~20 % of event ids (by hash); retries follow the production backoff (~30 s)",
    },
    paced: p,
    burst: b,
    backlog: q ?? "PostgreSQL only (the bench process needs its own connection beside the server)",
    failing: x,
    receiverRequests: f.receiver.requests,
    badSignatures: f.receiver.badSignatures,
  };
}
