// Prometheus metrics: ONE registry per process, kept on globalThis (Next builds routes, pages and
// instrumentation into separate module graphs; a module-level registry would silently split).
// Every metric is get-or-create. Labels are bounded: route templates, enums, never ids or raw paths.
import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { EntrySource } from "@/lib/db/generated/enums";
import { env } from "@/lib/env";
import { APP_VERSION } from "@/lib/version";

const KEY = Symbol.for("timetracker.metrics");
type Holder = { registry: Registry; defaults: boolean };
const g = globalThis as unknown as { [KEY]?: Holder };

function holder(): Holder {
  g[KEY] ??= { registry: new Registry(), defaults: false };
  return g[KEY];
}

export function metricsRegistry(): Registry {
  return holder().registry;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  const r = metricsRegistry();
  return (r.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [r] });
}

function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets: number[],
): Histogram<L> {
  const r = metricsRegistry();
  return (
    (r.getSingleMetric(name) as Histogram<L> | undefined) ??
    new Histogram({ name, help, labelNames, buckets, registers: [r] })
  );
}

/** A gauge whose value is computed when Prometheus scrapes (collect runs on every scrape). */
export function scrapeGauge<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  collect: (this: Gauge<L>) => void | Promise<void>,
): Gauge<L> {
  const r = metricsRegistry();
  return (
    (r.getSingleMetric(name) as Gauge<L> | undefined) ?? new Gauge({ name, help, labelNames, collect, registers: [r] })
  );
}

export const httpRequests = () =>
  counter(
    "timetracker_http_requests_total",
    "HTTP requests answered (pages, actions, route handlers, redirects, 404s, static files), by route template.",
    ["method", "route", "status_class"] as const,
  );
export const httpDuration = () =>
  histogram(
    "timetracker_http_request_duration_seconds",
    "Time to answer a request, by route template.",
    ["method", "route"] as const,
    DURATION_BUCKETS,
  );
export const pageRenders = () =>
  counter(
    "timetracker_page_renders_total",
    "Server renders of signed-in pages (full loads and refreshes), by section.",
    ["route"] as const,
  );
export const actionsTotal = () =>
  counter("timetracker_server_actions_total", "Server actions run, by action name and outcome (ok, rejected, error).", [
    "action",
    "outcome",
  ] as const);
export const actionDuration = () =>
  histogram(
    "timetracker_server_action_duration_seconds",
    "Time to run a server action.",
    ["action"] as const,
    DURATION_BUCKETS,
  );
export const dbQueryDuration = () =>
  histogram(
    "timetracker_db_query_duration_seconds",
    "Time of each Prisma operation, by model and operation.",
    ["model", "operation"] as const,
    DB_BUCKETS,
  );
export const timeEntriesCreated = () =>
  counter("timetracker_time_entries_created_total", "Time entries created, by source (timer, manual, bulk, import).", [
    "source",
  ] as const);
export const analyticsEvents = () =>
  counter("timetracker_analytics_events_total", "Product events emitted through track(), by catalog name.", [
    "event",
  ] as const);
export const errorsTotal = () =>
  counter(
    "timetracker_errors_total",
    "Unexpected server errors, by where they happened (render, route, action, proxy).",
    ["route_type"] as const,
  );
export const webhookDeliveries = () =>
  counter(
    "timetracker_webhook_deliveries_total",
    "Webhook delivery attempts, by outcome (success, retry, gave_up, refused).",
    ["outcome"] as const,
  );
export const webhookDuration = () =>
  histogram(
    "timetracker_webhook_delivery_duration_seconds",
    "Time of each webhook HTTP attempt, to the answer, an error or the timeout.",
    [] as const,
    DURATION_BUCKETS,
  );

/** Called by the webhook worker once per attempt. */
export function observeWebhookAttempt(outcome: "success" | "retry" | "gave_up" | "refused", seconds: number): void {
  webhookDeliveries().inc({ outcome });
  webhookDuration().observe(seconds);
}

export const emailsSent = () =>
  counter(
    "timetracker_emails_total",
    "Emails handed to the SMTP server, by kind (test, password_reset, invitation, webhook_disabled) and outcome (sent, failed).",
    ["kind", "outcome"] as const,
  );

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
export const methodLabel = (m: string) => (METHODS.has(m.toUpperCase()) ? m.toUpperCase() : "OTHER");
export const statusClass = (status: number) =>
  status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "unknown";

export function observeHttp(method: string, route: string, status: number, seconds: number): void {
  const m = methodLabel(method);
  httpRequests().inc({ method: m, route, status_class: statusClass(status) });
  httpDuration().observe({ method: m, route }, seconds);
}

export function observeActionMetric(action: string, outcome: string, seconds: number): void {
  actionsTotal().inc({ action, outcome });
  actionDuration().observe({ action }, seconds);
}

const SOURCES = new Set<string>(Object.values(EntrySource));
/** Called by the entry and timer services at the write: once per created entry (n for a bulk insert). */
export function incrementTimeEntriesCreated(source: EntrySource, n = 1): void {
  timeEntriesCreated().inc({ source: SOURCES.has(source) ? source : "other" }, n);
}

const ROUTE_TYPES = new Set(["render", "route", "action", "proxy"]);
export function incrementErrors(routeType: string): void {
  errorsTotal().inc({ route_type: ROUTE_TYPES.has(routeType) ? routeType : "other" });
}

/** Default process metrics and build info, once per process. */
export function initMetrics(): void {
  const h = holder();
  if (h.defaults) return;
  h.defaults = true;
  collectDefaultMetrics({ register: h.registry });
  const r = h.registry;
  // prom-client names these gauges *_total, which promtool rejects (that suffix means counter). The
  // same numbers remain, split by type, in nodejs_active_handles / _requests / _resources.
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) {
    r.removeSingleMetric(name);
  }
  const info =
    (r.getSingleMetric("timetracker_build_info") as Gauge<"version" | "commit"> | undefined) ??
    new Gauge({
      name: "timetracker_build_info",
      help: "Always 1; labels name the running version and commit.",
      labelNames: ["version", "commit"] as const,
      registers: [r],
    });
  info.set({ version: APP_VERSION, commit: env().GIT_COMMIT }, 1);
  // Declare every family up front, so /metrics (and dashboards, and Prometheus' metadata) list them
  // from the first scrape, before the first request, action, query or event.
  for (const make of [
    httpRequests,
    httpDuration,
    pageRenders,
    actionsTotal,
    actionDuration,
    dbQueryDuration,
    timeEntriesCreated,
    analyticsEvents,
    errorsTotal,
    webhookDeliveries,
    webhookDuration,
  ]) {
    make();
  }
}

/**
 * Exposes the known label values of the error and entry counters at 0 from the start, so rate()
 * and dashboards see a series before the first error or entry (Prometheus' advice on missing series).
 */
export function initializeKnownSeries(): void {
  for (const t of ROUTE_TYPES) errorsTotal().inc({ route_type: t }, 0);
  for (const s of SOURCES) timeEntriesCreated().inc({ source: s }, 0);
  for (const o of ["success", "retry", "gave_up", "refused"]) webhookDeliveries().inc({ outcome: o }, 0);
}
