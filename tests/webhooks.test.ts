// Webhooks against a real database and a real local HTTP receiver: the outbox is written in the
// change's own transaction and reaches the right endpoints; deliveries are signed (Standard
// Webhooks), retried with backoff, given up after 24 h; failing endpoints are disabled; hangs,
// 10 MB answers and redirects stay bounded; private targets are refused unless allowed.
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { drainMail } from "@/lib/mail/later";
import { AppError } from "@/lib/errors";
import { createClient } from "@/lib/services/clients";
import { createManualEntry, deleteEntry, updateEntry } from "@/lib/services/entries";
import { startTimer, stopTimer } from "@/lib/services/timer";
import { deliverDueWebhooks, pruneWebhookDeliveries, type DeliveryOptions } from "@/lib/services/webhook-delivery";
import { enqueueWebhookEvent } from "@/lib/services/webhook-outbox";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/services/webhook-worker";
import {
  countAutoDisabledWebhooks,
  createWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  sendWebhookTestEvent,
  setWebhookEnabled,
  updateWebhookEndpoint,
} from "@/lib/services/webhooks";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { verifyWebhook } from "@/lib/webhooks/signature";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";
import { startFakeSmtp } from "./helpers/smtp";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";

const testDb = setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
let rx: Receiver;
let offsetMs = 0;
const ALL = [...WEBHOOK_EVENT_TYPES];

function opts(o: Partial<DeliveryOptions> = {}): DeliveryOptions {
  return {
    batchSize: 50,
    leaseMs: 60_000,
    timeoutMs: 3_000,
    maxBodyBytes: 64 * 1024,
    allowPrivate: true,
    disableAfter: 100,
    retry: { baseMs: 60_000, capMs: 3600_000, windowMs: 24 * 3600_000 },
    now: () => new Date(Date.now() + offsetMs),
    ...o,
  };
}

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));
const entryInput = () => ({ projectId: s.project.id, date: "2026-03-02", startTime: "09:00", duration: "1h" });

beforeAll(() => {
  // Tests deliver to 127.0.0.1: the operator switch that allows it, set explicitly.
  process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
  resetEnvCache();
});
afterAll(() => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  resetEnvCache();
});

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
  rx = await startReceiver();
  offsetMs = 0;
});
afterEach(() => rx.close());

async function endpoint(actor = s.alice, events: string[] = ALL, scope: "own" | "organization" = "own", url = rx.url) {
  return createWebhookEndpoint(actor, { url, events: events as typeof ALL, scope });
}

async function deliveriesOf(endpointId: string) {
  return db().webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });
}

describe("outbox", () => {
  it("each change queues its event for the right endpoints: own data, the shared catalog, everything for org-wide", async () => {
    const a = await endpoint(s.alice);
    const b = await endpoint(s.bob);
    const org = await endpoint(s.admin, ALL, "organization");
    const e = await createManualEntry(s.alice, entryInput());
    await updateEntry(s.alice, { id: e.id, ...entryInput(), notes: "edited" });
    await startTimer(s.alice, { projectId: s.project.id });
    await stopTimer(s.alice);
    await deleteEntry(s.alice, { id: e.id });
    await createClient(s.bob, { name: "Globex" });

    const types = async (id: string) => (await deliveriesOf(id)).map((d) => d.eventType);
    const aliceTypes = [
      "entry.created",
      "entry.updated",
      "timer.started",
      "timer.stopped",
      "entry.deleted",
      "client.created",
    ];
    expect(await types(a.endpoint.id)).toEqual(aliceTypes);
    expect(await types(org.endpoint.id)).toEqual(aliceTypes);
    // Bob hears about the shared catalog, never about Alice's time.
    expect(await types(b.endpoint.id)).toEqual(["client.created"]);
    const [created] = await deliveriesOf(a.endpoint.id);
    expect(created.payload).toMatchObject({
      type: "entry.created",
      data: { id: e.id, userId: s.alice.id, projectId: s.project.id, durationSeconds: 3600 },
    });
    // One event id per event, shared by every endpoint that receives it (the webhook-id header).
    const clientEvents = await db().webhookDelivery.findMany({ where: { eventType: "client.created" } });
    expect(new Set(clientEvents.map((d) => d.eventId)).size).toBe(1);
  });

  it("only subscribed events go to enabled endpoints", async () => {
    const only = await endpoint(s.alice, ["timer.stopped"]);
    const off = await endpoint(s.alice);
    await setWebhookEnabled(s.alice, { id: off.endpoint.id, enabled: false });
    await createManualEntry(s.alice, entryInput());
    await startTimer(s.alice, { projectId: s.project.id });
    await stopTimer(s.alice);
    expect((await deliveriesOf(only.endpoint.id)).map((d) => d.eventType)).toEqual(["timer.stopped"]);
    expect(await deliveriesOf(off.endpoint.id)).toHaveLength(0);
  });

  it("is rolled back with the transaction that wrote it", async () => {
    const a = await endpoint(s.alice);
    await expect(
      db().$transaction(async (tx) => {
        await tx.timeEntry.create({
          data: { userId: s.alice.id, projectId: s.project.id, start: new Date(), end: new Date(Date.now() + 1000) },
        });
        await enqueueWebhookEvent(tx, "entry.created", { userId: s.alice.id }, { id: "x" });
        expect(await tx.webhookDelivery.count()).toBe(1);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await deliveriesOf(a.endpoint.id)).toHaveLength(0);
    expect(await db().timeEntry.count()).toBe(0);
  });
});

describe("delivery", () => {
  it("signs each request the Standard Webhooks way: the receiver recomputes the HMAC", async () => {
    const { endpoint: ep, secret } = await endpoint(s.alice);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const e = await createManualEntry(s.alice, entryInput());
    expect(await deliverDueWebhooks(opts())).toBe(1);

    expect(rx.received).toHaveLength(1);
    const { headers, body } = rx.received[0];
    const id = String(headers["webhook-id"]);
    const ts = String(headers["webhook-timestamp"]);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(60);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = "v1," + createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(expected);
    expect(headers["content-type"]).toBe("application/json");
    expect(JSON.parse(body)).toMatchObject({ type: "entry.created", data: { id: e.id } });
    expect(verifyWebhook(secret, { id, timestamp: ts, signature: expected }, body)).toBe(true);
    expect(verifyWebhook(secret, { id, timestamp: ts, signature: expected }, body.replace("3600", "7200"))).toBe(false);

    const [log] = await listWebhookDeliveries(s.alice, { id: ep.id });
    expect(log).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 204, lastError: null });
    expect(log.lastDurationMs).toEqual(expect.any(Number));
  });

  it("a 500 is retried after an exponential backoff, with the same webhook-id", async () => {
    const { endpoint: ep } = await endpoint(s.alice);
    rx.behave({ kind: "status", status: 500 });
    await createManualEntry(s.alice, entryInput());
    const t0 = Date.now();
    await deliverDueWebhooks(opts());
    let [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    // First retry ~1 minute later (base 60 s ± 10 % jitter): not before.
    const wait = d.nextAttemptAt.getTime() - t0;
    expect(wait).toBeGreaterThanOrEqual(53_000);
    expect(wait).toBeLessThanOrEqual(67_000);
    expect(await deliverDueWebhooks(opts())).toBe(0);
    offsetMs = 70_000;
    await deliverDueWebhooks(opts());
    [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: "pending", attempts: 2 });
    // Second wait doubles (~2 minutes).
    const wait2 = d.nextAttemptAt.getTime() - (t0 + offsetMs);
    expect(wait2).toBeGreaterThanOrEqual(105_000);
    expect(wait2).toBeLessThanOrEqual(135_000);
    rx.behave({ kind: "status", status: 200 });
    offsetMs += 140_000;
    expect(await deliverDueWebhooks(opts())).toBe(1);
    [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200 });
    expect(rx.received).toHaveLength(3);
    expect(new Set(rx.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect((await getWebhookEndpoint(s.alice, ep.id)).failureCount).toBe(0);
  });

  it("gives up once the next try would fall more than 24 hours after the event", async () => {
    const { endpoint: ep } = await endpoint(s.alice);
    rx.behave({ kind: "status", status: 503 });
    await createManualEntry(s.alice, entryInput());
    offsetMs = 24 * 3600_000 - 30_000;
    await deliverDueWebhooks(opts());
    const [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 503 });
    offsetMs += 7 * 24 * 3600_000;
    expect(await deliverDueWebhooks(opts())).toBe(0);
  });

  it("disables an endpoint after repeated failures; the owner sees it and can re-enable it", async () => {
    const { endpoint: ep } = await endpoint(s.alice);
    rx.behave({ kind: "status", status: 500 });
    for (let i = 0; i < 3; i++) await createManualEntry(s.alice, { ...entryInput(), startTime: `1${i}:00` });
    await deliverDueWebhooks(opts({ disableAfter: 3 }));
    const off = await getWebhookEndpoint(s.alice, ep.id);
    expect(off).toMatchObject({ enabled: false, failureCount: 3 });
    expect(off.disabledReason).toMatch(/3 failed attempts in a row \(last: HTTP 500\)/);
    expect(await countAutoDisabledWebhooks(s.alice)).toEqual({ own: 1, organization: 0 });
    expect(await countAutoDisabledWebhooks(s.bob)).toEqual({ own: 0, organization: 0 });
    expect(await countAutoDisabledWebhooks(s.admin)).toEqual({ own: 0, organization: 0 });
    // Disabled: its queued retries wait, nothing is sent.
    offsetMs = 3600_000;
    expect(await deliverDueWebhooks(opts({ disableAfter: 3 }))).toBe(0);
    rx.behave({ kind: "status", status: 204 });
    await setWebhookEnabled(s.alice, { id: ep.id, enabled: true });
    expect(await getWebhookEndpoint(s.alice, ep.id)).toMatchObject({
      enabled: true,
      failureCount: 0,
      disabledReason: null,
    });
    expect(await countAutoDisabledWebhooks(s.alice)).toEqual({ own: 0, organization: 0 });
    expect(await deliverDueWebhooks(opts({ disableAfter: 3 }))).toBe(3);
    expect((await deliveriesOf(ep.id)).every((d) => d.status === "succeeded")).toBe(true);
  });

  it("mails the owner (or the admins, for an org-wide endpoint) when it disables one, naming only its host", async () => {
    const smtp = await startFakeSmtp();
    process.env.SMTP_URL = smtp.url;
    process.env.SMTP_FROM = "TT <tt@example.org>";
    process.env.NEXTAUTH_URL = "https://time.example.org";
    resetEnvCache();
    try {
      const secretPath = `${rx.url}/hooks/receiver-secret-in-path?token=abc`;
      const own = await endpoint(s.alice, ["entry.created"], "own", secretPath);
      rx.behave({ kind: "status", status: 500 });
      for (let i = 0; i < 2; i++) await createManualEntry(s.alice, { ...entryInput(), startTime: `1${i}:00` });
      await deliverDueWebhooks(opts({ disableAfter: 2 }));
      await drainMail();
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      const alice = await db().user.findUniqueOrThrow({ where: { id: s.alice.id }, select: { email: true } });
      expect(mail.to).toEqual([alice.email]);
      expect(mail.subject).toBe("A webhook endpoint was turned off");
      expect(mail.text).toContain(`${new URL(rx.url).host} after 2 failed deliveries in a row (the last: HTTP 500)`);
      expect(mail.text).toContain("https://time.example.org/profile/webhooks");
      expect(mail.text + mail.html).not.toMatch(/receiver-secret-in-path|token=abc/);
      expect((await getWebhookEndpoint(s.alice, own.endpoint.id)).enabled).toBe(false);

      const org = await endpoint(s.admin, ["entry.created"], "organization");
      await createManualEntry(s.bob, { ...entryInput(), startTime: "15:00" });
      offsetMs += 3600_000;
      await deliverDueWebhooks(opts({ disableAfter: 1 }));
      await drainMail();
      expect((await getWebhookEndpoint(s.admin, org.endpoint.id)).enabled).toBe(false);
      const admins = await db().user.findMany({ where: { role: "admin", active: true }, select: { email: true } });
      expect(
        smtp.received
          .slice(1)
          .map((m) => m.to[0])
          .sort(),
      ).toEqual(admins.map((a) => a.email).sort());
      expect(smtp.received[1].text).toContain("https://time.example.org/admin/webhooks");
    } finally {
      delete process.env.SMTP_URL;
      delete process.env.SMTP_FROM;
      delete process.env.NEXTAUTH_URL;
      resetEnvCache();
      await smtp.close();
    }
  });

  it("a receiver that hangs, sends 10 MB or redirects costs bounded time, is logged and retried", async () => {
    const other = await startReceiver();
    try {
      const { endpoint: ep } = await endpoint(s.alice, ["entry.created"]);
      const cases = [
        { b: { kind: "hang" } as const, error: /timed out after 500 ms/, status: null },
        { b: { kind: "huge", bytes: 10 * 1024 * 1024 } as const, error: /larger than 65536 bytes/, status: 200 },
        { b: { kind: "redirect", location: other.url } as const, error: /redirect not followed \(302\)/, status: 302 },
      ];
      for (const c of cases) {
        rx.behave(c.b);
        await db().webhookDelivery.deleteMany();
        await createManualEntry(s.alice, { ...entryInput(), startTime: `0${cases.indexOf(c) + 1}:00` });
        const started = Date.now();
        await deliverDueWebhooks(opts({ timeoutMs: 500 }));
        expect(Date.now() - started).toBeLessThan(5_000);
        const [d] = await deliveriesOf(ep.id);
        expect(d.status).toBe("pending");
        expect(d.lastError).toMatch(c.error);
        expect(d.lastStatusCode).toBe(c.status);
      }
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it("refuses private and loopback targets unless the operator allows them", async () => {
    const { endpoint: ep } = await endpoint(s.alice, ["entry.created"]);
    await createManualEntry(s.alice, entryInput());
    await deliverDueWebhooks(opts({ allowPrivate: false }));
    const [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: "pending", lastStatusCode: null });
    expect(d.lastError).toMatch(/private, loopback or link-local/);
    expect(rx.received).toHaveLength(0);

    delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
    resetEnvCache();
    try {
      for (const url of [
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://[::1]/x",
        "http://169.254.169.254/latest",
      ]) {
        await expect(createWebhookEndpoint(s.alice, { url, events: ["entry.created"] })).rejects.toMatchObject({
          code: "VALIDATION",
          fieldErrors: { url: [expect.stringMatching(/private/)] },
        });
      }
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
      resetEnvCache();
    }
  });

  it("send test event reaches only that endpoint", async () => {
    const { endpoint: ep } = await endpoint(s.alice, ["invoice.paid"]);
    await endpoint(s.alice, ["invoice.paid"]);
    await sendWebhookTestEvent(s.alice, { id: ep.id });
    await deliverDueWebhooks(opts());
    expect(rx.received).toHaveLength(1);
    expect(JSON.parse(rx.received[0].body)).toMatchObject({ type: "webhook.test", data: { endpointId: ep.id } });
  });

  it("an edited endpoint gets the new events at its new URL, signed with the same secret", async () => {
    const { endpoint: ep, secret } = await endpoint(s.alice, ["timer.started"]);
    await updateWebhookEndpoint(s.alice, {
      id: ep.id,
      url: `${rx.url}/moved`,
      description: "Payroll",
      events: ["entry.created"],
    });
    expect(await getWebhookEndpoint(s.alice, ep.id)).toMatchObject({
      description: "Payroll",
      events: ["entry.created"],
    });
    await startTimer(s.alice, { projectId: s.project.id });
    await createManualEntry(s.alice, entryInput());
    await deliverDueWebhooks(opts());
    expect(rx.received).toHaveLength(1);
    const [r] = rx.received;
    expect(r.url).toBe(new URL(`${rx.url}/moved`).pathname);
    expect(JSON.parse(r.body)).toMatchObject({ type: "entry.created" });
    const h = (k: string) => String(r.headers[k]);
    const sig = { id: h("webhook-id"), timestamp: h("webhook-timestamp"), signature: h("webhook-signature") };
    expect(verifyWebhook(secret, sig, r.body)).toBe(true);
    // The same checks as on creation: no events, or someone else's endpoint, change nothing.
    await expect(updateWebhookEndpoint(s.alice, { id: ep.id, url: rx.url, events: [] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["events"] })],
    });
    await expect(
      updateWebhookEndpoint(s.bob, { id: ep.id, url: rx.url, events: ["entry.created"] }).catch(codeOf),
    ).resolves.toBe("NOT_FOUND");
    expect((await getWebhookEndpoint(s.alice, ep.id)).url).toBe(`${rx.url}/moved`);
  });

  it("someone else's endpoint looks missing; only admins manage organization-wide ones", async () => {
    const { endpoint: ep } = await endpoint(s.alice);
    for (const call of [
      () => getWebhookEndpoint(s.bob, ep.id),
      () => listWebhookDeliveries(s.bob, { id: ep.id }),
      () => sendWebhookTestEvent(s.bob, { id: ep.id }),
      () => setWebhookEnabled(s.admin, { id: ep.id, enabled: false }),
    ]) {
      await expect(call().catch(codeOf)).resolves.toBe("NOT_FOUND");
    }
    await expect(endpoint(s.bob, ALL, "organization").catch(codeOf)).resolves.toBe("FORBIDDEN");
    expect(await getWebhookEndpoint(s.alice, ep.id)).toMatchObject({ enabled: true });
  });

  it("finished deliveries older than 30 days are pruned; pending ones stay", async () => {
    const { endpoint: ep } = await endpoint(s.alice, ["entry.created"]);
    await createManualEntry(s.alice, entryInput());
    await createManualEntry(s.alice, { ...entryInput(), startTime: "11:00" });
    await deliverDueWebhooks(opts({ batchSize: 1 }));
    const old = new Date(Date.now() - 31 * 86_400_000);
    await db().webhookDelivery.updateMany({ data: { updatedAt: old } });
    expect(await pruneWebhookDeliveries(new Date())).toBe(1);
    expect((await deliveriesOf(ep.id)).map((d) => d.status)).toEqual(["pending"]);
  });

  it("a change wakes the worker: its delivery goes out long before the next poll", async () => {
    await endpoint(s.alice, ["entry.created"]);
    // The first poll runs at start; the next would be 10 minutes later.
    startWebhookWorker({ ...opts(), pollMs: 600_000 });
    try {
      await new Promise((r) => setTimeout(r, 100)); // let the start-up poll find nothing
      for (const startTime of ["09:00", "11:00"]) {
        const t = performance.now();
        const e = await createManualEntry(s.alice, { ...entryInput(), startTime });
        await rx.waitFor(startTime === "09:00" ? 1 : 2, 5_000);
        expect(JSON.parse(rx.received.at(-1)!.body).data.id).toBe(e.id);
        expect(performance.now() - t).toBeLessThan(5_000);
      }
    } finally {
      await stopWebhookWorker();
    }
  });

  it("the background worker delivers a change without being asked", async () => {
    await endpoint(s.alice, ["timer.started"]);
    startWebhookWorker({ ...opts(), pollMs: 50 });
    try {
      await startTimer(s.alice, { projectId: s.project.id });
      await rx.waitFor(1);
      expect(JSON.parse(rx.received[0].body).type).toBe("timer.started");
    } finally {
      await stopWebhookWorker();
    }
  });
});
