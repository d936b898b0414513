// The authorization matrix (tests/authz/matrix.ts), run for real: every server action and route
// handler found in app/ is called as anonymous, as alice on her own data, as bob on alice's data,
// and as an admin, against a real database. A new action or route that is not in the matrix fails.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { isObservedRoute } from "@/lib/observability/with-route";
import { ensureInstallation } from "@/lib/services/installation";
import type { ActionResult } from "@/lib/errors";
import { setupTestDb } from "./helpers/db";
import { ACTIONS, ROUTES, type Cell, type Outcome } from "./authz/matrix";
import { INPUTS, notForms, resetOrgDefaults, seedFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost"; // http: the plain (non-__Secure-) cookie name
delete process.env.METRICS_TOKEN;

const root = path.resolve(__dirname, "..");
const CELLS: Cell[] = ["anon", "own", "other", "admin"];
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(d.name) && !/\.test\./.test(d.name) ? [p] : [];
  });
}
const appFiles = walk(path.join(root, "app"));
const rel = (f: string) => path.relative(path.join(root, "app"), f).split(path.sep).join("/");
/** app/(app)/admin/users/actions.ts → admin/users; app/setup/actions.ts → setup */
const actionPrefix = (f: string) =>
  rel(f)
    .replace(/\([^)]+\)\//g, "")
    .replace(/\/?[^/]+\.tsx?$/, "");
const routePath = (f: string) =>
  "/" +
  rel(f)
    .replace(/\([^)]+\)\//g, "")
    .replace(/\/?route\.ts$/, "");

/** Files whose first statement is "use server": every export is a public POST endpoint. */
const actionFiles = appFiles.filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(fs.readFileSync(f, "utf8")));
const routeFiles = appFiles.filter((f) => /\/route\.ts$/.test(f));

function exportedNames(src: string): string[] {
  const names = [...src.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+(\w+)/g)].map((m) => m[1]);
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of m[1].split(","))
      names.push(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      );
  return names.filter(Boolean);
}

const discoveredActions = actionFiles.flatMap((f) =>
  exportedNames(fs.readFileSync(f, "utf8")).map((name) => ({ file: f, name, key: `${actionPrefix(f)}#${name}` })),
);
const discoveredRoutes = routeFiles.flatMap((f) =>
  exportedNames(fs.readFileSync(f, "utf8"))
    .filter((n) => HTTP_METHODS.includes(n))
    .map((method) => ({ file: f, method, key: `${method} ${routePath(f)}` })),
);

describe("discovery", () => {
  it("finds the action and route files", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(10);
    expect(discoveredRoutes.length).toBeGreaterThanOrEqual(7);
  });
  it("every exported server action is in the matrix, with inputs", () => {
    const listed = new Set(ACTIONS.map((r) => r[0]));
    expect(discoveredActions.map((a) => a.key).filter((k) => !listed.has(k))).toEqual([]);
    expect(discoveredActions.map((a) => a.key).filter((k) => !INPUTS[k])).toEqual([]);
  });
  it("every route handler is in the matrix", () => {
    const listed = new Set(ROUTES.map((r) => r[0]));
    expect(discoveredRoutes.map((r) => r.key).filter((k) => !listed.has(k))).toEqual([]);
  });
  it("every route handler goes through withRoute (one log line and one HTTP metric sample per request)", async () => {
    const bare: string[] = [];
    for (const r of discoveredRoutes) {
      const mod = (await import(r.file)) as Record<string, unknown>;
      if (!isObservedRoute(mod[r.method])) bare.push(r.key);
    }
    expect(bare).toEqual([]);
  });
  it("the matrix lists nothing that no longer exists", () => {
    const found = new Set([...discoveredActions, ...discoveredRoutes].map((a) => a.key));
    expect([...ACTIONS, ...ROUTES].map((r) => r[0]).filter((k) => !found.has(k))).toEqual([]);
  });
  it("action modules export nothing but async functions (the parse above sees them all)", async () => {
    for (const f of actionFiles) {
      const mod = (await import(f)) as Record<string, unknown>;
      const keys = Object.keys(mod).filter((k) => k !== "__esModule");
      expect(keys.sort()).toEqual(exportedNames(fs.readFileSync(f, "utf8")).sort());
      for (const k of keys) expect(typeof mod[k]).toBe("function");
    }
  });
});

setupTestDb();

beforeAll(async () => {
  await ensureInstallation();
  await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
});

// A cell that is refused must change nothing, so the refused cells share one fixture (each checks
// that alice's data is untouched); a cell that may write gets a fresh one.
let shared: Fixture | undefined;
async function fixtureFor(mayWrite: boolean): Promise<Fixture> {
  if (mayWrite) return seedFixture();
  if (!shared) return (shared = await seedFixture());
  await resetOrgDefaults();
  return shared;
}

function actorFor(cell: Cell, f: Fixture): string | null {
  return cell === "anon" ? null : cell === "own" ? f.alice.id : cell === "other" ? f.bob.id : f.admin.id;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const r = (await run()) as ActionResult<unknown>;
    return r.ok ? "ok" : r.error.code;
  } catch (err) {
    // redirect() after a successful save (update entry, delete project).
    if (String((err as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT")) return "ok";
    throw err;
  }
}

describe("server actions", () => {
  const rows = ACTIONS.flatMap(([key, ...expected]) => CELLS.map((cell, i) => [key, cell, expected[i]] as const));
  it.each(rows)("%s as %s → %s", async (key, cell, expected) => {
    const a = discoveredActions.find((x) => x.key === key);
    if (!a) throw new Error(`${key} is in the matrix but not in app/`);
    const fn = ((await import(a.file)) as Record<string, (...args: unknown[]) => Promise<unknown>>)[a.name];
    const f = await fixtureFor(expected === "ok");
    await actAs(actorFor(cell, f));
    const got = await outcomeOf(() => fn(...INPUTS[key](f)));
    expect(got).toBe(expected);
    // No cell ever changes alice's private data unless it is allowed to.
    if (cell === "other" || cell === "anon" || expected !== "ok") {
      const entry = await db().timeEntry.findUnique({ where: { id: f.entry.id } });
      expect(entry?.notes).toBe(`alice-secret-${f.s}`);
      const alice = await db().user.findUnique({ where: { id: f.alice.id } });
      expect(alice).toMatchObject({ role: "user", active: true, sessionVersion: expect.any(Number) });
      expect(alice?.email).toBe(`alice${f.s}@example.com`);
      const token = await db().apiToken.findUniqueOrThrow({ where: { id: f.aliceTokenId } });
      expect(token.revokedAt).toBeNull();
    }
  });
});

// A crafted client may send any serialisable value where the form should be. Authentication still
// comes first (anonymous → the same answer as with a form); a caller who gets past it is refused
// with VALIDATION (or the cell's own refusal), never ok, never INTERNAL.
describe("form actions called with something that is not a FormData", () => {
  // Which actions take a form: call each INPUTS builder on a stand-in fixture (any property → "x").
  const anyFixture: Fixture = new Proxy(() => "x", {
    get: (_t, k) => (k === Symbol.toPrimitive ? () => "x" : anyFixture),
  }) as unknown as Fixture;
  const formRows = ACTIONS.filter(([key]) => INPUTS[key](anyFixture).some((a) => a instanceof FormData));
  const rows = formRows.flatMap(([key, ...expected]) => CELLS.map((cell, i) => [key, cell, expected[i]] as const));
  let calls = 0;
  afterAll(() => console.log(`authz: ${formRows.length} form actions × 4 callers, ${calls} non-FormData calls`));
  it.each(rows)("%s as %s", async (key, cell, expected) => {
    const a = discoveredActions.find((x) => x.key === key)!;
    const fn = ((await import(a.file)) as Record<string, (...args: unknown[]) => Promise<unknown>>)[a.name];
    // Never ok (the assertion below), so it shares the refused cells' fixture.
    const f = await fixtureFor(false);
    const args = INPUTS[key](f);
    const i = args.findIndex((x) => x instanceof FormData);
    const got: string[] = [];
    for (const bad of notForms(args[i] as FormData)) {
      await actAs(actorFor(cell, f));
      got.push(await outcomeOf(() => fn(...args.map((x, j) => (j === i ? bad : x)))));
      calls++;
    }
    // A session-only action answers an anonymous caller UNAUTHENTICATED whatever it sends; an action open
    // to anonymous callers (password reset) reads the input like any other and refuses it.
    const allowed =
      expected === "UNAUTHENTICATED" ? [expected] : expected === "ok" ? ["VALIDATION"] : [expected, "VALIDATION"];
    expect(got.filter((o) => !allowed.includes(o))).toEqual([]);
    const entry = await db().timeEntry.findUnique({ where: { id: f.entry.id } });
    expect(entry?.notes).toBe(`alice-secret-${f.s}`);
  });
});

async function callRoute(key: string, f: Fixture): Promise<{ status: number; body: string }> {
  const [method, p] = key.split(" ");
  const r = discoveredRoutes.find((x) => x.key === key)!;
  const handler = ((await import(r.file)) as Record<string, (...args: unknown[]) => Promise<Response>>)[method];
  // The item each /api/v1/…/[id] route acts on: alice's (or a spare one the cell may delete).
  const ids: Record<string, string> = {
    "/api/v1/entries/[id]": f.entry.id,
    "/api/v1/clients/[id]": method === "DELETE" ? f.spareClient.id : f.client.id,
    "/api/v1/projects/[id]": method === "DELETE" ? f.spareProject.id : f.project.id,
    "/api/v1/tasks/[id]": f.taskId,
    "/api/v1/tags/[id]": f.tagId,
    "/api/v1/invoices/[id]": f.issued.id,
    "/api/v1/expenses/[id]": f.expense.id,
    "/api/v1/invoices/[id]/payments": f.issued.id,
    "/expenses/[id]/receipt": f.expense.id,
  };
  const params: Record<string, Record<string, unknown>> = {
    "/docs/[name]": { name: "privacy" },
    "/api/auth/[...nextauth]": { nextauth: [method === "GET" ? "csrf" : "signout"] },
    ...Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, { id }])),
    "/invoices/[id]/pdf": { id: f.issued.id },
  };
  const url =
    p === "/reports/export"
      ? `http://localhost/reports/export?userId=${f.alice.id}`
      : p === "/api/v1/reports/summary"
        ? `http://localhost${p}?userId=${f.alice.id}&group1=user`
        : `http://localhost${p
            .replace("[name]", "privacy")
            .replace("[id]", ids[p] ?? "")
            .replace("[...nextauth]", method === "GET" ? "csrf" : "signout")}`;
  const r1 = Math.random();
  const jsonBodies: Record<string, unknown> = {
    "POST /api/v1/entries": { projectId: f.project.id, date: "2026-01-09", duration: "1h" },
    "POST /api/v1/timer": { projectId: f.project.id },
    "POST /api/v1/timer/commands": { id: crypto.randomUUID(), kind: "start", projectId: f.project.id },
    "POST /api/v1/timer/switch": { projectId: f.project.id },
    "PATCH /api/v1/entries/[id]": { duration: "2h" },
    "POST /api/v1/clients": { name: `C${r1}`, defaultHourlyRate: "85.50" },
    "PATCH /api/v1/clients/[id]": { contact: `K${r1}` },
    "POST /api/v1/projects": { clientId: f.client.id, name: `P${r1}`, hourlyRate: "90" },
    "PATCH /api/v1/projects/[id]": { description: `D${r1}` },
    "POST /api/v1/tasks": { projectId: f.project.id, name: `T${r1}` },
    "PATCH /api/v1/tasks/[id]": { status: "in_progress" },
    "POST /api/v1/tags": { name: `g${r1}` },
    "PATCH /api/v1/tags/[id]": { name: `h${r1}` },
    "POST /api/v1/expenses": { projectId: f.project.id, date: "2026-01-09", amount: "12.50" },
    "PATCH /api/v1/expenses/[id]": { description: `E${r1}` },
    "POST /api/v1/invoices/[id]/payments": { date: "2026-02-02", amount: "1", method: "bank" },
  };
  const init: { body?: string | URLSearchParams; headers?: Record<string, string> } =
    key in jsonBodies
      ? { body: JSON.stringify(jsonBodies[key]), headers: { "content-type": "application/json" } }
      : method === "POST"
        ? { body: new URLSearchParams({}), headers: { "content-type": "application/x-www-form-urlencoded" } }
        : {};
  const req = new NextRequest(url, { method, ...init });
  const res = await handler(req, { params: Promise.resolve(params[p] ?? {}) });
  // The live-updates stream never ends by itself: its status is the answer.
  if (key === "GET /api/live") {
    await res.body?.cancel();
    return { status: res.status, body: "" };
  }
  const body = res.body && res.status < 300 ? await res.text() : "";
  return { status: res.status, body };
}

describe("route handlers", () => {
  const rows = ROUTES.flatMap(([key, ...expected]) => CELLS.map((cell, i) => [key, cell, expected[i]] as const));
  it.each(rows)("%s as %s → %i", async (key, cell, expected) => {
    const [method] = key.split(" ");
    const f = await fixtureFor(expected < 400 && !["GET", "HEAD"].includes(method));
    await actAs(actorFor(cell, f));
    const { status, body } = await callRoute(key, f);
    expect(status).toBe(expected);
    // Nobody but alice and admins ever sees alice's notes.
    if (cell === "other" || cell === "anon") expect(body).not.toContain(`alice-secret-${f.s}`);
    // Editing through the API: only alice and admins change her entry.
    if (key === "PATCH /api/v1/entries/[id]") {
      const e = await db().timeEntry.findUniqueOrThrow({ where: { id: f.entry.id } });
      expect(e.end!.getTime() - e.start.getTime()).toBe((cell === "own" || cell === "admin" ? 2 : 1) * 3600_000);
    }
    // The summary API is scoped like the report page: bob asking for alice sees only himself.
    if (key === "GET /api/v1/reports/summary" && cell === "other") expect(body).not.toContain(`alice${f.s}`);
    if (key === "GET /reports/export" && (cell === "own" || cell === "admin"))
      expect(body).toContain(`alice-secret-${f.s}`);
  });
});
