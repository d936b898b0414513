// Next's onRequestError (instrumentation.ts) lands here: count the error, log it with the request id
// and route template (never the raw path or query), and hand it to Sentry when enabled.
import "server-only";
import { logger } from "./logger";
import { incrementErrors } from "./metrics";
import { Sentry, sentryActive } from "./sentry";

export interface RequestInfo {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
export interface ErrorContext {
  routerKind: string;
  routePath: string;
  routeType: string;
  renderSource?: string;
  revalidateReason?: string;
}

export async function reportRequestError(err: unknown, request: RequestInfo, context: ErrorContext): Promise<void> {
  incrementErrors(context.routeType);
  const rid = request.headers["x-request-id"];
  logger().error(
    {
      event: "request.failed",
      request_id: Array.isArray(rid) ? rid[0] : rid,
      route: context.routePath,
      route_type: context.routeType,
      method: request.method,
      err,
    },
    "unhandled error while serving a request",
  );
  if (sentryActive()) Sentry.captureRequestError(err, request, context);
}
