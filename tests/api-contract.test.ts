// The OpenAPI document against the real routes: every route file under app/api/v1 is in the
// document and every operation of the document has a route file; every operation is called through
// the generated typed client (lib/api-client, dispatched in-process to the route handlers) and its
// answer is validated against the document's schema; the committed client is not stale; and every
// operation answers bad tokens, missing scopes and broken bodies with a problem document, never 5xx.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { createApiClient } from "@/lib/api-client";
import { OPERATIONS, openApiDocument } from "@/lib/api/openapi";
import { createApiToken } from "@/lib/services/api-tokens";
import { API_SCOPES } from "@/lib/validation/api-tokens";
import { setupTestDb } from "./helpers/db";
import { seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

const root = path.resolve(__dirname, "..");
const v1 = path.join(root, "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : d.name === "route.ts" ? [p] : [];
  });
}
/** app/api/v1/entries/[id]/route.ts → /api/v1/entries/{id} */
const routes = walk(v1)
  .map((file) => {
    const rel = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep).join("/");
    return { file, path: `/${rel}`.replace(/\[(\w+)\]/g, "{$1}") };
  })
  .filter((r) => r.path !== "/api/v1/openapi.json");
const fileOps = routes.flatMap((r) =>
  [...fs.readFileSync(r.file, "utf8").matchAll(/export const (\w+) = /g)]
    .map((m) => m[1])
    .filter((m) => METHODS.includes(m))
    .map((m) => `${m.toLowerCase()} ${r.path}`),
);
const docOps = OPERATIONS.map(([p, m]) => `${m} ${p}`);

/** Dispatches a Request to the matching route handler, in process. */
async function dispatch(req: Request): Promise<Response> {
  const url = new URL(req.url);
  for (const r of routes) {
    const re = new RegExp(`^${r.path.replace(/\{\w+\}/g, "([^/]+)")}$`);
    const m = re.exec(url.pathname);
    if (!m) continue;
    const mod = (await import(r.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
    const handler = mod[req.method];
    if (!handler) return new Response(null, { status: 405 });
    return handler(req, { params: Promise.resolve({ id: decodeURIComponent(m[1] ?? "") }) });
  }
  return new Response(null, { status: 404 });
}

const doc = openApiDocument("1");
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
function validate(schema: unknown, body: unknown): string[] {
  const check = ajv.compile({ ...(schema as object), components: doc.components });
  return check(body) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
function documented(p: string, method: string, status: number, type: string) {
  const op = (
    doc.paths as Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >
  )[p][method];
  const res = op.responses[String(status)];
  if (!res) return undefined;
  return res.content?.[type]?.schema ?? null;
}

setupTestDb();
let f: Fixture;
let token: string;
beforeAll(async () => {
  f = await seedInstalledFixture();
  token = (await createApiToken(f.admin, { name: "contract", scopes: [...API_SCOPES] })).secret;
  await actAs(null);
});

describe("the document and the route files", () => {
  it("list the same operations", () => {
    expect(fileOps.length).toBeGreaterThanOrEqual(30);
    expect(fileOps.filter((o) => !docOps.includes(o))).toEqual([]);
    expect(docOps.filter((o) => !fileOps.includes(o))).toEqual([]);
  });

  it("the validator rejects what the schemas do not allow (so the checks below can fail)", () => {
    expect(validate({ $ref: "#/components/schemas/Entry" }, { id: 1 }).length).toBeGreaterThan(0);
    expect(validate({ $ref: "#/components/schemas/Problem" }, { status: "x" }).length).toBeGreaterThan(0);
  });

  it("is served at /api/v1/openapi.json as OpenAPI 3.1", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const res = await GET(new Request("http://localhost/api/v1/openapi.json"));
    const body = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths).sort()).toEqual(Object.keys(doc.paths!).sort());
  });

  it("the committed typed client matches the document (npm run api:client)", async () => {
    const run = promisify(execFile);
    const out = await run("npx", ["tsx", "scripts/api-client.ts", "--check"], { cwd: root, timeout: 120_000 });
    expect(out.stdout).toContain("up to date");
  }, 150_000);
});

describe("every operation, through the typed client, answers as documented", () => {
  it("calls them all and validates each answer", async () => {
    const api = createApiClient({ baseUrl: "http://localhost", token, fetch: dispatch });
    const called = new Map<string, { status: number; body: unknown; type: string }>();
    const note = async (key: string, p: Promise<{ response: Response; data?: unknown; error?: unknown }>) => {
      const { response, data, error } = await p;
      called.set(key, {
        status: response.status,
        body: data ?? error,
        type: response.headers.get("content-type") ?? "",
      });
      return data;
    };
    const id = { params: { path: { id: "" } } };
    const withId = (v: string) => ({ params: { path: { id: v } } });

    await note("get /api/v1/timer", api.GET("/api/v1/timer"));
    await note("post /api/v1/timer", api.POST("/api/v1/timer", { body: { projectId: f.project.id, notes: "c" } }));
    await note("post /api/v1/timer/switch", api.POST("/api/v1/timer/switch", { body: { projectId: f.project.id } }));
    await note("delete /api/v1/timer", api.DELETE("/api/v1/timer"));
    await note(
      "post /api/v1/timer/commands",
      api.POST("/api/v1/timer/commands", { body: { id: crypto.randomUUID(), kind: "stop" } }),
    );
    const e = (await note(
      "post /api/v1/entries",
      api.POST("/api/v1/entries", {
        body: { projectId: f.project.id, date: "2026-01-07", duration: "1h", tags: ["x"] },
      }),
    )) as { id: string };
    await note(
      "get /api/v1/entries",
      api.GET("/api/v1/entries", { params: { query: { limit: 5, project_ids: [f.project.id] } } }),
    );
    await note("get /api/v1/entries/{id}", api.GET("/api/v1/entries/{id}", withId(e.id)));
    await note(
      "patch /api/v1/entries/{id}",
      api.PATCH("/api/v1/entries/{id}", { ...withId(e.id), body: { notes: "n" } }),
    );
    await note("get /api/v1/week", api.GET("/api/v1/week", { params: { query: { date: "2026-01-07" } } }));
    await note(
      "get /api/v1/reports/summary",
      api.GET("/api/v1/reports/summary", {
        params: { query: { from: "2026-01-01", to: "2026-01-31", group1: "project", group2: "day" } },
      }),
    );
    await note(
      "get /api/v1/reports/detailed",
      api.GET("/api/v1/reports/detailed", { params: { query: { limit: 2 } } }),
    );
    const c = (await note(
      "post /api/v1/clients",
      api.POST("/api/v1/clients", { body: { name: `Contract${f.s}`, defaultHourlyRate: "70" } }),
    )) as { data: { id: string } };
    await note("get /api/v1/clients", api.GET("/api/v1/clients", { params: { query: { archived: "all" } } }));
    await note("get /api/v1/clients/{id}", api.GET("/api/v1/clients/{id}", withId(c.data.id)));
    await note(
      "patch /api/v1/clients/{id}",
      api.PATCH("/api/v1/clients/{id}", { ...withId(c.data.id), body: { phone: "1" } }),
    );
    const p = (await note(
      "post /api/v1/projects",
      api.POST("/api/v1/projects", { body: { clientId: c.data.id, name: "P", budget: "1000", estimatedHours: 10 } }),
    )) as { data: { id: string } };
    await note("get /api/v1/projects", api.GET("/api/v1/projects", { params: { query: { client_ids: [c.data.id] } } }));
    await note("get /api/v1/projects/{id}", api.GET("/api/v1/projects/{id}", withId(p.data.id)));
    await note(
      "patch /api/v1/projects/{id}",
      api.PATCH("/api/v1/projects/{id}", { ...withId(p.data.id), body: { archived: true } }),
    );
    const t = (await note(
      "post /api/v1/tasks",
      api.POST("/api/v1/tasks", {
        body: { projectId: p.data.id, name: "T", dueDate: "2026-05-01", estimatedHours: 2 },
      }),
    )) as { data: { id: string } };
    await note("get /api/v1/tasks", api.GET("/api/v1/tasks", { params: { query: { project_ids: [p.data.id] } } }));
    await note("get /api/v1/tasks/{id}", api.GET("/api/v1/tasks/{id}", withId(t.data.id)));
    await note(
      "patch /api/v1/tasks/{id}",
      api.PATCH("/api/v1/tasks/{id}", { ...withId(t.data.id), body: { status: "done" } }),
    );
    const g = (await note("post /api/v1/tags", api.POST("/api/v1/tags", { body: { name: `contract${f.s}` } }))) as {
      data: { id: string };
    };
    await note("get /api/v1/tags", api.GET("/api/v1/tags"));
    await note("get /api/v1/tags/{id}", api.GET("/api/v1/tags/{id}", withId(g.data.id)));
    await note(
      "patch /api/v1/tags/{id}",
      api.PATCH("/api/v1/tags/{id}", { ...withId(g.data.id), body: { name: `c2${f.s}` } }),
    );
    const x = (await note(
      "post /api/v1/expenses",
      api.POST("/api/v1/expenses", {
        body: { projectId: f.project.id, date: "2026-01-08", amount: "12.50", category: "Travel" },
      }),
    )) as { data: { id: string } };
    await note("get /api/v1/expenses", api.GET("/api/v1/expenses", { params: { query: { from: "2026-01-01" } } }));
    await note("get /api/v1/expenses/{id}", api.GET("/api/v1/expenses/{id}", withId(x.data.id)));
    await note(
      "patch /api/v1/expenses/{id}",
      api.PATCH("/api/v1/expenses/{id}", { ...withId(x.data.id), body: { billable: false } }),
    );
    await note("delete /api/v1/expenses/{id}", api.DELETE("/api/v1/expenses/{id}", withId(x.data.id)));
    await note("get /api/v1/invoices", api.GET("/api/v1/invoices", { params: { query: { status: "issued" } } }));
    await note("get /api/v1/invoices/{id}", api.GET("/api/v1/invoices/{id}", withId(f.issued.id)));
    await note(
      "post /api/v1/invoices/{id}/payments",
      api.POST("/api/v1/invoices/{id}/payments", {
        ...withId(f.issued.id),
        body: { date: "2026-02-01", amount: "2.50", method: "bank" },
      }),
    );
    await note("get /api/v1/users", api.GET("/api/v1/users"));
    await note("delete /api/v1/tags/{id}", api.DELETE("/api/v1/tags/{id}", withId(g.data.id)));
    await note("delete /api/v1/tasks/{id}", api.DELETE("/api/v1/tasks/{id}", withId(t.data.id)));
    await note("delete /api/v1/projects/{id}", api.DELETE("/api/v1/projects/{id}", withId(p.data.id)));
    await note("delete /api/v1/clients/{id}", api.DELETE("/api/v1/clients/{id}", withId(c.data.id)));
    await note("delete /api/v1/entries/{id}", api.DELETE("/api/v1/entries/{id}", withId(e.id)));
    void id;

    expect(docOps.filter((o) => !called.has(o))).toEqual([]);
    const problems: string[] = [];
    for (const [p, method, op] of OPERATIONS) {
      const got = called.get(`${method} ${p}`)!;
      if (got.status !== op.ok[0]) {
        problems.push(
          `${method} ${p}: status ${got.status}, documented ${op.ok[0]}: ${JSON.stringify(got.body).slice(0, 200)}`,
        );
        continue;
      }
      const schema = documented(p, method, got.status, "application/json");
      if (schema === null) {
        if (got.body !== undefined && got.body !== "" && got.body !== null)
          problems.push(`${method} ${p}: body on ${got.status}`);
        continue;
      }
      expect(got.type).toContain("application/json");
      for (const err of validate(schema, got.body)) problems.push(`${method} ${p}: ${err}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

describe("every operation refuses bad tokens, missing scopes and broken bodies with a documented problem", () => {
  it("never answers 5xx, always application/problem+json matching the Problem schema", async () => {
    const narrow = (await createApiToken(f.alice, { name: "narrow", scopes: ["tags:read"] })).secret;
    const bad = [
      { auth: "Bearer tt_pat_" + "x".repeat(43), status: 401 },
      { auth: "Bearer nonsense", status: 401 },
      { auth: "Token abc", status: 401 },
    ];
    const problems: string[] = [];
    let calls = 0;
    for (const [p, method, op] of OPERATIONS) {
      const url = `http://localhost${p.replace("{id}", f.entry.id)}`;
      const M = method.toUpperCase();
      const cases: { auth: string | null; status: number[]; body?: string }[] = [
        ...bad.map((b) => ({ auth: b.auth, status: [b.status] })),
        { auth: null, status: [401] },
        ...(op.scopes.includes("tags:read") ? [] : [{ auth: `Bearer ${narrow}`, status: [403] }]),
      ];
      if (op.body) {
        for (const body of ["", "{", "[]", "null", '"x"', "1e999", JSON.stringify({ name: "\u0000" })])
          cases.push({ auth: `Bearer ${token}`, status: [400, 404, 409, 422], body });
      }
      for (const c of cases) {
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (c.auth) headers.authorization = c.auth;
        const res = await dispatch(
          new Request(url, { method: M, headers, ...(c.body !== undefined && M !== "GET" ? { body: c.body } : {}) }),
        );
        calls++;
        const type = res.headers.get("content-type") ?? "";
        const body = await res.json().catch(() => null);
        const where = `${M} ${p} auth=${c.auth?.slice(0, 16)} body=${c.body?.slice(0, 20)}`;
        if (!c.status.includes(res.status))
          problems.push(`${where}: ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
        else if (type !== "application/problem+json") problems.push(`${where}: ${type}`);
        else if (documented(p, method, res.status, "application/problem+json") === undefined && res.status !== 422)
          problems.push(`${where}: status ${res.status} not documented`);
        else
          for (const err of validate({ $ref: "#/components/schemas/Problem" }, body)) problems.push(`${where}: ${err}`);
      }
    }
    console.log(`api-contract: ${OPERATIONS.length} operations, ${calls} refused calls checked`);
    expect(problems.slice(0, 10)).toEqual([]);
  }, 180_000);
});
