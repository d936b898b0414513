// Server start-up (Node runtime only): configuration check, logging, metrics, Sentry, migrations,
// shutdown hooks, then the access log (one line and one metric sample per answered request).
// Next awaits register() before serving the first request, so a bad start never serves.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/services/startup");
  await startServer();
  const { installAccessLog } = await import("./lib/observability/access-log");
  const { loadRouteTable } = await import("./lib/observability/route-template");
  installAccessLog(loadRouteTable());
}

type ErrorRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };
type ErrorContext = {
  routerKind: string;
  routePath: string;
  routeType: string;
  renderSource?: string;
  revalidateReason?: string;
};

/** Every unhandled error while rendering, in a route handler, action or proxy: counted, logged, and sent to Sentry when on. */
export async function onRequestError(err: unknown, request: ErrorRequest, context: ErrorContext) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/observability/request-errors");
  await reportRequestError(err, request, context);
}
