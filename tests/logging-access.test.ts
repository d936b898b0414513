// The log as an operator reads it, continued: database errors are logged without their message or
// values on every failing path, and every answered request gets exactly one access-log line.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { logger } from "@/lib/observability/logger";
import { withRoute } from "@/lib/observability/with-route";
import { reportRequestError } from "@/lib/observability/request-errors";
import { installAccessLog, uninstallAccessLog } from "@/lib/observability/access-log";
import { buildRouteTable } from "@/lib/observability/route-template";
import { runAction } from "@/lib/action";
import { db } from "@/lib/db";
import { ensureInstallation } from "@/lib/services/installation";
import * as entriesRoute from "@/app/api/v1/entries/route";
import { setupTestDb } from "./helpers/db";
import { has, setupLogFile } from "./helpers/log-file";
import { seedFixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";
setupTestDb();

const { lines } = setupLogFile("tt-logs-access-");

describe("database errors", () => {
  const NOTE = "log-test-private-note-5e1d";
  const EMAIL = "dora.dbleak@example.net";

  test("never log their message or parameters, on any failing path: only code and model/operation", async () => {
    await ensureInstallation();
    await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
    const f = await seedFixture();
    await actAs(f.alice.id);
    const badInsert = () =>
      db().timeEntry.create({
        data: {
          userId: f.alice.id,
          projectId: f.project.id,
          start: new Date(),
          end: new Date(Number.NaN),
          notes: `${NOTE} ${EMAIL}`,
        },
      });

    // 1. The JSON API with the probe's request (issue #14, defect 8): the shared ZDuration now refuses
    // it before the database (400 with the field), and nothing of it reaches the log.
    const res = await entriesRoute.POST(
      new NextRequest("http://localhost/api/v1/entries", {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "db-err-api" },
        body: JSON.stringify({
          projectId: f.project.id,
          date: "2026-01-05",
          duration: "99999999999h",
          notes: `${NOTE} ${EMAIL}`,
        }),
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(JSON.parse(body).fieldErrors).toHaveProperty("duration");
    expect(body).not.toContain(NOTE);
    // 2. A server action (the JSON API maps its errors through the same toActionError).
    const r = await runAction("test.db_error", badInsert);
    expect(r.ok).toBe(false);
    // 3. A route handler that lets the error escape.
    const route = withRoute("/api/test/db", async () => {
      await badInsert();
      return new Response("unreachable");
    });
    await expect(route(new Request("http://x/api/test/db"))).rejects.toThrow();
    // 4. Next's onRequestError (a failed render), the error wrapped as another error's cause.
    const dbErr = await badInsert().catch((e: unknown) => e);
    await reportRequestError(
      new Error("render failed", { cause: dbErr }),
      { path: "/entries", method: "GET", headers: { "x-request-id": "db-err-render" } },
      { routerKind: "App Router", routePath: "/entries", routeType: "render" },
    );
    // 5. Plain SQL through the driver, the value in the parameters.
    await runAction("test.raw_error", () =>
      import("@/lib/db").then(({ dbConnection }) => dbConnection().raw.query("SELECT $1::int AS n", [NOTE])),
    );
    logger().error({ event: "test.direct", err: dbErr }, "logged directly");

    const ls = await lines((all) => has("test.direct")(all) && has("request.failed")(all));
    const text = JSON.stringify(ls);
    for (const bad of [NOTE, EMAIL, "dora.dbleak", "Invalid Date"]) expect(text).not.toContain(bad);
    const errs = ls.filter((l) => l.err).map((l) => l.err as Record<string, unknown>);
    expect(errs.length).toBeGreaterThanOrEqual(4);
    const direct = ls.find((l) => l.event === "test.direct")!.err;
    expect(direct).toMatchObject({ type: "PrismaClientValidationError", model: "TimeEntry", operation: "create" });
    const render = ls.find((l) => l.event === "request.failed")!.err as { cause: unknown };
    expect(render.cause).toMatchObject({ type: "PrismaClientValidationError", operation: "create" });
  });
});

describe("access log", () => {
  // Next's route table for these templates, as the build writes it (.next/routes-manifest.json).
  const table = buildRouteTable(
    {
      staticRoutes: [{ page: "/" }, { page: "/login" }, { page: "/entries" }, { page: "/api/ready" }],
      dynamicRoutes: [{ page: "/entries/[id]", regex: "^/entries/([^/]+?)(?:/)?$" }],
    },
    ["/api/ready"],
  );
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    installAccessLog(table);
    // Stands in for Next: answers like proxy.ts (the request id on the response) and the routes.
    server = http.createServer((req, res) => {
      const id = req.headers["x-request-id"];
      res.setHeader("x-request-id", typeof id === "string" ? id : "generated-by-proxy");
      const url = req.url ?? "/";
      if (url === "/") return res.writeHead(307, { location: "/login" }).end();
      if (url.startsWith("/entries/")) return res.writeHead(200).end("entry");
      if (url === "/slow-abort") return void res.write("partial");
      if (["/login", "/entries", "/api/ready"].some((p) => url.split("?")[0] === p)) return res.end("ok");
      res.writeHead(404).end("not found");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    uninstallAccessLog();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  test("every answered request gets exactly one line: request id, method, route template, status, duration", async () => {
    const send = (p: string, init: RequestInit & { id: string }) =>
      fetch(`${base}${p}`, { ...init, redirect: "manual", headers: { ...init.headers, "x-request-id": init.id } });
    expect((await send("/login?callbackUrl=%2Ftimer", { id: "abc-123" })).status).toBe(200);
    expect((await send("/", { id: "acc-redirect" })).status).toBe(307);
    expect((await send("/entries/4b1c0a9e-0000-4000-8000-00000000beef", { id: "acc-dynamic" })).status).toBe(200);
    expect((await send("/no/such/page", { id: "acc-404" })).status).toBe(404);
    const action = await send("/entries", { id: "acc-action", method: "POST", headers: { "next-action": "7f00aa" } });
    expect(action.status).toBe(200);
    expect((await send("/api/ready", { id: "acc-route" })).status).toBe(200);
    const ls = await lines((all) => all.filter((l) => l.event === "http.request").length >= 6);
    const access = ls.filter((l) => l.event === "http.request");
    const byId = (id: string) => access.filter((l) => l.request_id === id);
    for (const id of ["abc-123", "acc-redirect", "acc-dynamic", "acc-404", "acc-action", "acc-route"])
      expect(byId(id)).toHaveLength(1);
    expect(byId("abc-123")[0]).toMatchObject({ method: "GET", route: "/login", kind: "page", status: 200 });
    expect(typeof byId("abc-123")[0]!.duration_ms).toBe("number");
    expect(byId("acc-redirect")[0]).toMatchObject({ route: "/", status: 307 });
    expect(byId("acc-dynamic")[0]).toMatchObject({ route: "/entries/[id]", status: 200 });
    expect(byId("acc-404")[0]).toMatchObject({ route: "/_not-found", kind: "not_found", status: 404 });
    expect(byId("acc-action")[0]).toMatchObject({ method: "POST", route: "/entries", kind: "action" });
    expect(byId("acc-route")[0]).toMatchObject({ route: "/api/ready", kind: "route" });
    const text = JSON.stringify(access);
    for (const raw of ["beef", "callbackUrl", "/no/such"]) expect(text).not.toContain(raw);
  });

  test("a request the client abandons is logged once, as 499", async () => {
    const ctl = new AbortController();
    const res = await fetch(`${base}/slow-abort`, { signal: ctl.signal, headers: { "x-request-id": "acc-abort" } });
    expect(res.status).toBe(200);
    ctl.abort();
    const ls = await lines(has("http.request", "acc-abort"));
    expect(ls.filter((l) => l.request_id === "acc-abort")).toEqual([
      expect.objectContaining({ event: "http.request", status: 499, route: "/_not-found" }),
    ]);
  });
});
