// withRoute("/api/ready", handler): every route handler goes through it, so it runs inside its
// request context (every line it logs carries the request id from proxy.ts, and its route
// template), its unexpected errors are logged and counted, and its answer carries the request id.
// The request's access-log line and HTTP metric come from lib/observability/access-log.ts, which
// sees every request (pages and redirects too): none here, so a request is logged exactly once.
import "server-only";
import { randomUUID } from "node:crypto";
import { logger } from "./logger";
import { incrementErrors } from "./metrics";
import { runWithContext } from "./request-context";

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: Request): string {
  const id = req.headers.get("x-request-id");
  return id && REQUEST_ID.test(id) ? id : randomUUID();
}

const OBSERVED = Symbol.for("timetracker.observedRoute");

/** True for a handler made by withRoute (tests/authz-matrix.test.ts holds every route handler to it). */
export function isObservedRoute(fn: unknown): boolean {
  return typeof fn === "function" && (fn as unknown as Record<symbol, unknown>)[OBSERVED] === true;
}

export function withRoute<A extends unknown[]>(
  route: string,
  handler: (req: Request, ...rest: A) => Response | Promise<Response>,
): (req: Request, ...rest: A) => Promise<Response> {
  const observed = async (req: Request, ...rest: A) => {
    const requestId = requestIdOf(req);
    return runWithContext({ requestId, route }, async () => {
      try {
        const res = await handler(req, ...rest);
        return withRequestId(res, requestId);
      } catch (err) {
        // Next's redirect()/notFound() throw on purpose; everything else is an unexpected failure.
        const digest = (err as { digest?: unknown })?.digest;
        if (!(typeof digest === "string" && digest.startsWith("NEXT_"))) {
          incrementErrors("route");
          logger().error({ event: "route.failed", err }, "route handler failed");
        }
        throw err;
      }
    });
  };
  Object.defineProperty(observed, OBSERVED, { value: true });
  return observed;
}

function withRequestId(res: Response, requestId: string): Response {
  try {
    if (!res.headers.has("x-request-id")) res.headers.set("x-request-id", requestId);
    return res;
  } catch {
    // Immutable headers (e.g. Response.redirect): copy into a new response.
    const headers = new Headers(res.headers);
    headers.set("x-request-id", requestId);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}
