// The JSON API (/api/v1/*) end to end through its route handlers, against a real database: the
// timer's start/409/stop cycle, PATCH merging only the fields sent, week and summary data, and
// malformed input answered with 400 and a JSON error, never a 500.
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { setupTestDb } from "./helpers/db";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import * as timer from "@/app/api/v1/timer/route";
import * as entry from "@/app/api/v1/entries/[id]/route";
import * as week from "@/app/api/v1/week/route";
import * as summary from "@/app/api/v1/reports/summary/route";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
let f: Fixture;
beforeAll(async () => {
  f = await seedInstalledFixture();
});

function req(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const init = body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) };
  return new NextRequest(`http://localhost${url}`, {
    method,
    ...init,
    headers: { "content-type": "application/json", ...headers },
  });
}
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
async function call(p: Promise<Response>) {
  const res = await p;
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("timer", () => {
  it("starts, refuses a second start with 409, reports the running entry, stops, stops again harmlessly", async () => {
    await actAs(f.alice.id);
    const started = await call(timer.POST(req("POST", "/api/v1/timer", { projectId: f.project.id, notes: "api" })));
    expect(started.status).toBe(201);
    expect(started.body.entry).toMatchObject({ projectId: f.project.id, notes: "api", end: null });
    const again = await call(timer.POST(req("POST", "/api/v1/timer", { projectId: f.project.id })));
    expect(again).toMatchObject({ status: 409, body: { code: "CONFLICT", status: 409, title: "Conflict" } });
    const current = await call(timer.GET(req("GET", "/api/v1/timer")));
    expect(current.body.running.id).toBe(started.body.entry.id);
    const stopped = await call(timer.DELETE(req("DELETE", "/api/v1/timer")));
    expect(stopped.status).toBe(200);
    expect(stopped.body.stopped.id).toBe(started.body.entry.id);
    expect((await call(timer.DELETE(req("DELETE", "/api/v1/timer")))).body).toEqual({ stopped: null });
    expect(await db().timeEntry.count({ where: { userId: f.alice.id, end: null } })).toBe(0);
  });

  it("answers malformed bodies with 400 and the field, and cross-site requests with 403", async () => {
    await actAs(f.alice.id);
    for (const body of ["{not json", { projectId: 42 }, { projectId: f.project.id, notes: "x".repeat(1 << 20) }, []]) {
      const r = await call(timer.POST(req("POST", "/api/v1/timer", body)));
      expect(r.status).toBe(400);
      expect(r.body.code).toBe("VALIDATION");
    }
    const cross = await timer.POST(
      req("POST", "/api/v1/timer", { projectId: f.project.id }, { origin: "https://evil.example" }),
    );
    expect(cross.status).toBe(403);
    expect(await db().timeEntry.count({ where: { userId: f.alice.id, end: null } })).toBe(0);
  });
});

describe("PATCH /api/v1/entries/:id", () => {
  it("changes only the fields sent", async () => {
    await actAs(f.alice.id);
    const r = await call(
      entry.PATCH(req("PATCH", `/api/v1/entries/${f.entry.id}`, { duration: "2h" }), ctx(f.entry.id)),
    );
    expect(r.status).toBe(200);
    expect(r.body.entry).toMatchObject({ id: f.entry.id, durationSeconds: 7200, notes: `alice-secret-${f.s}` });
    const n = await call(
      entry.PATCH(req("PATCH", `/api/v1/entries/${f.entry.id}`, { notes: "renamed" }), ctx(f.entry.id)),
    );
    expect(n.body.entry).toMatchObject({ durationSeconds: 7200, notes: "renamed", projectId: f.project.id });
  });

  it("refuses unknown fields, bad values and bad ids with 400; another user's entry is 404", async () => {
    await actAs(f.alice.id);
    const bad = [{ hours: 3 }, { duration: "forever" }, { date: "2026-02-30" }, { projectId: "nope" }, "[1]"];
    for (const body of bad) {
      const r = await entry.PATCH(req("PATCH", `/api/v1/entries/${f.entry.id}`, body), ctx(f.entry.id));
      expect(r.status).toBe(400);
    }
    expect((await entry.PATCH(req("PATCH", "/api/v1/entries/x", {}), ctx("x"))).status).toBe(400);
    await actAs(f.bob.id);
    const other = await entry.PATCH(req("PATCH", `/api/v1/entries/${f.entry.id}`, { notes: "bob" }), ctx(f.entry.id));
    expect(other.status).toBe(404);
    expect((await db().timeEntry.findUniqueOrThrow({ where: { id: f.entry.id } })).notes).toBe("renamed");
  });
});

describe("week and summary", () => {
  it("returns the week holding the date, with the entry's time", async () => {
    await actAs(f.alice.id);
    const r = await call(week.GET(req("GET", "/api/v1/week?date=2026-01-07")));
    expect(r.status).toBe(200);
    expect(r.body.days).toHaveLength(7);
    expect(r.body.days).toContain("2026-01-05");
    expect(r.body.totalSeconds).toBe(7200);
    expect((await week.GET(req("GET", "/api/v1/week?date=2026-13-01"))).status).toBe(400);
  });

  it("returns the summary report, scoped to the caller", async () => {
    await actAs(f.alice.id);
    const q = "/api/v1/reports/summary?from=2026-01-01&to=2026-01-31&group1=project";
    const mine = await call(summary.GET(req("GET", q)));
    expect(mine.body.totals.seconds).toBe(7200);
    expect(mine.body.rows[0]).toMatchObject({ label1: "Website", seconds: 7200 });
    await actAs(f.bob.id);
    const bobs = await call(summary.GET(req("GET", `${q}&userId=${f.alice.id}`)));
    expect(bobs.body.totals.seconds).toBe(0);
    expect((await summary.GET(req("GET", `${q}&group1=planet`))).status).toBe(400);
  });
});
