// The access log and the HTTP metrics: ONE line (event "http.request") and one sample of
// timetracker_http_requests_total / _duration_seconds for every request the server answers —
// pages, server actions, route handlers, proxy redirects, 404s, static files. It listens on Node's
// `http.server.request.start` diagnostics channel, so it sees the status and duration the client
// got, whatever answered (Next, proxy.ts, a route handler), without wrapping anything.
//
// Why not Next's OpenTelemetry spans: with SENTRY_DSN set, Sentry owns the process's one global
// tracer provider and samples it by SENTRY_TRACES_RATE (default 0: every span non-recording), so an
// access log built on spans would vanish with Sentry switched on; and with proxy.ts Next opens two
// root spans per request (the proxy pass and the render), and only the first for a proxy redirect.
import "server-only";
import { randomUUID } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "./logger";
import { observeHttp } from "./metrics";
import { routeTemplate, type RouteTable } from "./route-template";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const KEY = Symbol.for("timetracker.accessLog");
type Holder = { installed?: (msg: unknown) => void; routes?: RouteTable };
const g = globalThis as unknown as { [KEY]?: Holder };
const h = (): Holder => (g[KEY] ??= {});

export type RequestKind = "page" | "rsc" | "action" | "route" | "static" | "not_found";

function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  // proxy.ts puts its id (the client's X-Request-ID when safe, else a new one) on the response.
  for (const v of [res.getHeader("x-request-id"), req.headers["x-request-id"]]) {
    const id = Array.isArray(v) ? v[0] : v;
    if (typeof id === "string" && REQUEST_ID.test(id)) return id;
  }
  return randomUUID();
}

function kindOf(req: IncomingMessage, route: string, routes: RouteTable): RequestKind {
  if (route === "/_not-found") return "not_found";
  if (route.startsWith("/_next/")) return "static";
  if (req.method === "POST" && req.headers["next-action"]) return "action";
  if (routes.handlers.has(route)) return "route";
  return req.headers.rsc === "1" ? "rsc" : "page";
}

function onRequest(msg: unknown): void {
  const { request: req, response: res } = msg as { request: IncomingMessage; response: ServerResponse };
  const started = process.hrtime.bigint();
  res.once("close", () => {
    try {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const routes = h().routes ?? { pages: [], handlers: new Set<string>() };
      const route = routeTemplate(req.url ?? "/", routes);
      // A client that went away before the answer was complete: nginx's 499.
      const status = res.writableFinished ? res.statusCode : 499;
      const method = req.method ?? "GET";
      observeHttp(method, route, status, seconds);
      logger().info(
        {
          event: "http.request",
          request_id: requestIdOf(req, res),
          method,
          route,
          kind: kindOf(req, route, routes),
          status,
          duration_ms: Math.round(seconds * 10_000) / 10,
        },
        "request",
      );
    } catch {
      // Observing a request never affects it.
    }
  });
}

/** Starts the access log once per process (lib/services/startup.ts); routes: the build's route table. */
export function installAccessLog(routes: RouteTable): void {
  const holder = h();
  holder.routes = routes;
  if (holder.installed) return;
  holder.installed = onRequest;
  diagnostics.subscribe("http.server.request.start", onRequest);
}

/** For tests: stop listening. */
export function uninstallAccessLog(): void {
  const holder = h();
  if (holder.installed) diagnostics.unsubscribe("http.server.request.start", holder.installed);
  delete holder.installed;
}
