// Personal access tokens against the real route handlers and database: a token works without a
// session, only within its scopes and never beyond its owner's current rights; a revoked, expired,
// malformed or unknown token is a 401 problem document; the per-token rate limit answers with
// RateLimit-* headers and 429; an Idempotency-Key makes a retried create return the first answer.
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { listAllApiTokens, revokeAnyApiToken } from "@/lib/services/api-tokens-admin";
import { claimIdempotencyKey, completeIdempotencyKey, IDEMPOTENCY_TTL_MS } from "@/lib/services/idempotency";
import { onDbQuery } from "@/lib/observability/db-hooks";
import type { TCreateApiToken } from "@/lib/validation/api-tokens";
import { setupTestDb } from "./helpers/db";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import * as timer from "@/app/api/v1/timer/route";
import * as entries from "@/app/api/v1/entries/route";
import * as users from "@/app/api/v1/users/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
let f: Fixture;
beforeAll(async () => {
  f = await seedInstalledFixture();
});
beforeEach(() => actAs(null)); // no session cookie: only the bearer token speaks

function req(
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const body = opts.body === undefined ? {} : { body: JSON.stringify(opts.body) };
  return new NextRequest(`http://localhost${url}`, { method, headers, ...body });
}
async function call(p: Promise<Response>) {
  const res = await p;
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}
const mint = async (who: { id: string; role: "admin" | "user" }, input: Partial<TCreateApiToken> = {}) =>
  (await createApiToken(who, { name: "t", scopes: ["entries:read", "timer:write"], ...input })).secret;

describe("creating tokens", () => {
  it("returns a tt_pat_ secret once and stores only its SHA-256", async () => {
    const { token, secret } = await createApiToken(f.alice, { name: "CI", scopes: ["entries:read"], expiresIn: "30" });
    expect(secret).toMatch(/^tt_pat_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(7));
    expect(row.prefix).toBe(secret.slice(0, 11));
    expect(row.expiresAt!.getTime() - row.createdAt.getTime()).toBeGreaterThan(29 * 86_400_000);
    expect(JSON.stringify(token)).not.toContain(row.tokenHash);
  });

  it("refuses the admin scope to a member, unknown scopes and no scopes", async () => {
    await expect(createApiToken(f.alice, { name: "x", scopes: ["admin"] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(createApiToken(f.alice, { name: "x", scopes: ["root"] as never })).rejects.toThrow();
    await expect(createApiToken(f.alice, { name: "x", scopes: [] })).rejects.toThrow();
    expect(await db().apiToken.count({ where: { userId: f.alice.id, scopes: { has: "admin" } } })).toBe(0);
  });
});

describe("bearer authentication", () => {
  it("acts as the token's owner without a session and records the last use", async () => {
    const secret = await mint(f.alice);
    const r = await call(
      timer.POST(req("POST", "/api/v1/timer", { token: secret, body: { projectId: f.project.id } })),
    );
    expect(r.status).toBe(201);
    expect(r.body.entry.userId).toBe(f.alice.id);
    const cur = await call(timer.GET(req("GET", "/api/v1/timer", { token: secret })));
    expect(cur.body.running.id).toBe(r.body.entry.id);
    expect((await call(timer.DELETE(req("DELETE", "/api/v1/timer", { token: secret })))).status).toBe(200);
    const row = await db().apiToken.findUniqueOrThrow({
      where: { tokenHash: createHash("sha256").update(secret).digest("hex") },
    });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("is not subject to the browser's origin check (a token is not an ambient credential)", async () => {
    const secret = await mint(f.alice);
    const r = await timer.GET(
      req("GET", "/api/v1/timer", { token: secret, headers: { origin: "https://elsewhere.example" } }),
    );
    expect(r.status).toBe(200);
  });

  it("answers a token outside its scopes with 403 insufficient_scope and changes nothing", async () => {
    const secret = await mint(f.alice, { scopes: ["entries:read"] });
    const before = await db().timeEntry.count();
    const r = await call(
      entries.POST(
        req("POST", "/api/v1/entries", {
          token: secret,
          body: { projectId: f.project.id, date: "2026-01-06", duration: "1h" },
        }),
      ),
    );
    expect(r.status).toBe(403);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(r.body).toMatchObject({ status: 403, code: "FORBIDDEN", title: "Forbidden" });
    expect(r.body.detail).toContain("entries:write");
    expect(await db().timeEntry.count()).toBe(before);
  });

  it("refuses revoked, expired, malformed, unknown and non-Bearer credentials with a 401 problem", async () => {
    const revoked = await mint(f.alice);
    const id = (
      await db().apiToken.findFirstOrThrow({ where: { tokenHash: createHash("sha256").update(revoked).digest("hex") } })
    ).id;
    expect((await timer.GET(req("GET", "/api/v1/timer", { token: revoked }))).status).toBe(200);
    await revokeApiToken(f.alice, { id });
    const expired = await mint(f.alice, { expiresIn: "7" });
    await db().apiToken.updateMany({
      where: { tokenHash: createHash("sha256").update(expired).digest("hex") },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const cases: [string, RegExp][] = [
      [`Bearer ${revoked}`, /revoked/],
      [`Bearer ${expired}`, /expired/],
      ["Bearer tt_pat_short", /not a TimeTracker API token/],
      [`Bearer tt_pat_${"A".repeat(43)}`, /not valid/],
      ["Bearer tt_pat_\u00e9\u00ff", /not a TimeTracker API token/],
      ["Bearer " + "x".repeat(100_000), /not a TimeTracker API token/],
      ["Basic YWxpY2U6cHc=", /Authorization: Bearer/],
      ["Bearer", /Authorization: Bearer/],
      ["", /Authorization: Bearer/],
    ];
    for (const [authorization, detail] of cases) {
      const r = await call(timer.GET(new NextRequest("http://localhost/api/v1/timer", { headers: { authorization } })));
      expect({ authorization: authorization.slice(0, 30), status: r.status }).toEqual({
        authorization: authorization.slice(0, 30),
        status: 401,
      });
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer /);
      expect(r.body.detail).toMatch(detail);
      expect(r.body.code).toBe("UNAUTHENTICATED");
    }
  });

  it("stops working when the owner is deactivated", async () => {
    const carol = await db().user.create({
      data: { username: `carol${f.s}`, email: `carol${f.s}@example.com`, passwordHash: "x" },
      select: { id: true, role: true },
    });
    const secret = await mint(carol);
    expect((await timer.GET(req("GET", "/api/v1/timer", { token: secret }))).status).toBe(200);
    await db().user.update({ where: { id: carol.id }, data: { active: false } });
    const r = await call(timer.GET(req("GET", "/api/v1/timer", { token: secret })));
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/deactivated/);
  });

  it("never grants more than the owner has now: an admin token stops reaching admin routes after a demotion", async () => {
    const dave = await db().user.create({
      data: { username: `dave${f.s}`, email: `dave${f.s}@example.com`, passwordHash: "x", role: "admin" },
      select: { id: true, role: true },
    });
    const secret = await mint(dave, { scopes: ["admin"] });
    const ok = await call(users.GET(req("GET", "/api/v1/users", { token: secret })));
    expect(ok.status).toBe(200);
    expect(ok.body.data.map((u: { id: string }) => u.id)).toContain(f.alice.id);
    expect(JSON.stringify(ok.body)).not.toMatch(/passwordHash|password_hash|sessionVersion/);
    await db().user.update({ where: { id: dave.id }, data: { role: "user" } });
    const after = await call(users.GET(req("GET", "/api/v1/users", { token: secret })));
    expect(after.status).toBe(403);
    // A member's token without the admin scope is refused by scope first.
    const member = await mint(f.alice, { scopes: ["entries:read"] });
    expect((await users.GET(req("GET", "/api/v1/users", { token: member }))).status).toBe(403);
  });
});

describe("admins and tokens", () => {
  it("an admin lists everyone's tokens (never the hash) and revokes any; members cannot", async () => {
    const secret = await mint(f.bob);
    const all = await listAllApiTokens(f.admin);
    const bobs = all.find((t) => t.user.id === f.bob.id)!;
    expect(bobs).toMatchObject({ prefix: secret.slice(0, 11), user: { id: f.bob.id } });
    expect(JSON.stringify(all)).not.toContain(createHash("sha256").update(secret).digest("hex"));
    await expect(listAllApiTokens(f.alice)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeAnyApiToken(f.alice, { id: bobs.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiToken(f.alice, { id: bobs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await timer.GET(req("GET", "/api/v1/timer", { token: secret }))).status).toBe(200);
    await revokeAnyApiToken(f.admin, { id: bobs.id });
    expect((await timer.GET(req("GET", "/api/v1/timer", { token: secret }))).status).toBe(401);
  });
});

describe("rate limits", () => {
  afterEach(() => {
    delete process.env.API_RATE_LIMIT_PER_MINUTE;
    resetEnvCache();
  });

  it("counts per token, announces RateLimit-* headers and answers 429 with Retry-After past the limit", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    resetEnvCache();
    const a = await mint(f.alice);
    const b = await mint(f.alice);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await timer.GET(req("GET", "/api/v1/timer", { token: a }));
      expect(r.status).toBe(200);
      expect(r.headers.get("ratelimit-limit")).toBe("3");
      expect(r.headers.get("ratelimit-policy")).toBe("3;w=60");
      remaining.push(r.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const limited = await call(timer.GET(req("GET", "/api/v1/timer", { token: a })));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another token of the same user has its own budget; the counter lives in the shared table.
    expect((await timer.GET(req("GET", "/api/v1/timer", { token: b }))).status).toBe(200);
    expect(await db().rateLimitBucket.count({ where: { key: { startsWith: "api:token:" } } })).toBeGreaterThanOrEqual(
      2,
    );
  });

  it("a create refused by the limit claims no Idempotency-Key: the same key runs once the window resets", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "1";
    resetEnvCache();
    const secret = await mint(f.alice, { scopes: ["entries:write"] });
    const headers = { "idempotency-key": `limited-${f.s}` };
    const b = { projectId: f.project.id, date: "2026-01-09", duration: "15m", notes: "limited" };
    expect((await entries.POST(req("POST", "/api/v1/entries", { token: secret, body: b }))).status).toBe(201);
    const refused = await entries.POST(req("POST", "/api/v1/entries", { token: secret, body: b, headers }));
    expect(refused.status).toBe(429);
    expect(await db().idempotencyRecord.count({ where: { key: headers["idempotency-key"] } })).toBe(0);
    // The window ends (moved into the past here): the same key now creates, and a retry replays it.
    await db().rateLimitBucket.updateMany({
      where: { key: { startsWith: "api:token:" } },
      data: { windowEnds: new Date(Date.now() - 1000) },
    });
    const first = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: b, headers })));
    expect(first.status).toBe(201);
    expect(first.headers.get("ratelimit-remaining")).toBe("0");
    process.env.API_RATE_LIMIT_PER_MINUTE = "5";
    resetEnvCache();
    const again = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: b, headers })));
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("ratelimit-remaining")).toBe("3");
    expect(await db().timeEntry.count({ where: { userId: f.alice.id, notes: "limited" } })).toBe(2);
  });
});

describe("Idempotency-Key", () => {
  const body = () => ({ projectId: f.project.id, date: "2026-01-08", duration: "45m", notes: "idem" });

  it("replays the first answer to a retried create, and refuses the key with another body", async () => {
    const secret = await mint(f.alice, { scopes: ["entries:write"] });
    const headers = { "idempotency-key": `retry-${f.s}` };
    const first = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: body(), headers })));
    expect(first.status).toBe(201);
    const again = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: body(), headers })));
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().timeEntry.count({ where: { userId: f.alice.id, notes: "idem" } })).toBe(1);
    const other = await call(
      entries.POST(req("POST", "/api/v1/entries", { token: secret, body: { ...body(), notes: "other" }, headers })),
    );
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    // Without the key, the same body creates a second entry.
    expect((await entries.POST(req("POST", "/api/v1/entries", { token: secret, body: body() }))).status).toBe(201);
    expect(await db().timeEntry.count({ where: { userId: f.alice.id, notes: "idem" } })).toBe(2);
  });

  it("a key is remembered for 24 hours; after that the same key runs a new request", async () => {
    const owner = { userId: f.alice.id, tokenId: null };
    const key = `expiry-${f.s}`;
    const t0 = new Date("2026-01-01T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect(await claimIdempotencyKey(owner, key, "h1", t0)).toEqual({ state: "new" });
    expect(await claimIdempotencyKey(owner, key, "h1", at(1000))).toEqual({ state: "in_progress" });
    await completeIdempotencyKey(owner, key, 201, '{"id":"1"}');
    const hourLater = at(3600_000);
    expect(await claimIdempotencyKey(owner, key, "h1", hourLater)).toEqual({
      state: "replay",
      status: 201,
      body: '{"id":"1"}',
    });
    expect(await claimIdempotencyKey(owner, key, "h2", hourLater)).toEqual({ state: "mismatch" });
    const dayLater = at(IDEMPOTENCY_TTL_MS + 1000);
    expect(await claimIdempotencyKey(owner, key, "h2", dayLater)).toEqual({ state: "new" });
    expect(await claimIdempotencyKey(owner, key, "h2", dayLater)).toEqual({ state: "in_progress" });
  });

  it("keeps keys apart per token, and refuses a malformed key", async () => {
    const one = await mint(f.alice, { scopes: ["entries:write"] });
    const two = await mint(f.alice, { scopes: ["entries:write"] });
    const headers = { "idempotency-key": `shared-${f.s}` };
    const b = { ...body(), notes: "per-token" };
    expect((await entries.POST(req("POST", "/api/v1/entries", { token: one, body: b, headers }))).status).toBe(201);
    expect((await entries.POST(req("POST", "/api/v1/entries", { token: two, body: b, headers }))).status).toBe(201);
    expect(await db().timeEntry.count({ where: { notes: "per-token" } })).toBe(2);
    const bad = await call(
      entries.POST(req("POST", "/api/v1/entries", { token: one, body: b, headers: { "idempotency-key": "a b" } })),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors["Idempotency-Key"]).toHaveLength(1);
  });

  it("a create with a key costs few database round trips, and a second request racing on the key waits", async () => {
    const secret = await mint(f.alice, { scopes: ["entries:write"] });
    const bobs = await mint(f.bob, { scopes: ["entries:write"] });
    // The once-a-minute last-used writes, out of the way.
    for (const t of [secret, bobs]) await timer.GET(req("GET", "/api/v1/timer", { token: t }));
    let ops: string[] = [];
    let recording = true;
    onDbQuery((model, operation) => void (recording && ops.push(`${model}.${operation}`)));
    const headers = { "idempotency-key": `trips-${f.s}` };
    const b = { ...body(), notes: "trips", startTime: "07:00", endTime: "08:00", duration: "" };
    // Bob has no webhook endpoint: token; rate limit + key claim; time zone + rounding + whether an
    // endpoint wants the event; project; overlaps; insert (alone: no transaction, no endpoints read
    // inside one); the stored answer. Nothing is read back.
    const bobR = await entries.POST(req("POST", "/api/v1/entries", { token: bobs, body: b, headers }));
    expect(bobR.status).toBe(201);
    expect(ops.filter((o) => o.startsWith("raw.")).length).toBe(3);
    expect(ops).not.toContain("TimeEntry.findUniqueOrThrow");
    expect(ops).not.toContain("WebhookEndpoint.findMany");
    expect(ops.length).toBeLessThanOrEqual(7);
    // Alice's endpoint wants entry.created: the entry is read once for the payload, and queued.
    // It was 13 operations (15 statements with BEGIN and COMMIT) before the gate and the clock read.
    ops = [];
    const r = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: b, headers })));
    recording = false;
    expect(r.status).toBe(201);
    expect(ops).toContain("WebhookDelivery.createMany");
    expect(ops.length).toBeLessThanOrEqual(10);
    const row = await db().timeEntry.findUniqueOrThrow({ where: { id: r.body.id } });
    expect(row.end!.getTime() - row.start.getTime()).toBe(3_600_000);
    // An overlapping second entry is flagged, the first was not (the count leaves the new one out).
    expect(r.body.overlaps).toBe(false);
    const second = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: b })));
    expect(second.body.overlaps).toBe(true);
    // Two requests with one new key at the same time: one entry; the other is told to wait or replayed.
    const race = { "idempotency-key": `race-${f.s}` };
    const raced = await Promise.all(
      [0, 1].map(() =>
        entries.POST(req("POST", "/api/v1/entries", { token: secret, body: { ...b, notes: "race" }, headers: race })),
      ),
    );
    expect(raced.map((x) => x.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const x of raced) expect([201, 409]).toContain(x.status);
    expect(await db().timeEntry.count({ where: { userId: f.alice.id, notes: "race" } })).toBe(1);
  });

  it("replays a refusal too (a retried bad create stays refused, not run twice)", async () => {
    const secret = await mint(f.alice, { scopes: ["entries:write"] });
    const headers = { "idempotency-key": `bad-${f.s}` };
    const bad = { ...body(), duration: "forever" };
    const first = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: bad, headers })));
    expect(first.status).toBe(400);
    expect(first.body.errors[0]).toMatchObject({ pointer: "#/duration" });
    const again = await call(entries.POST(req("POST", "/api/v1/entries", { token: secret, body: bad, headers })));
    expect(again).toMatchObject({ status: 400, body: { ...first.body } });
    expect(again.headers.get("content-type")).toBe("application/problem+json");
  });
});
