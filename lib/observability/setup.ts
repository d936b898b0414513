// Wires the observability pieces together once per process (from lib/services/startup.ts; tests call it
// directly): metrics for actions, queries and events, PostHog as an event sink, Sentry when set.
import "server-only";
import { onActionError, onActionObserved } from "./action-hooks";
import { onDbQuery } from "./db-hooks";
import { initializeExpenseSeries } from "./expense-metrics";
import { initializeInvoiceSeries } from "./invoice-metrics";
import { logger } from "./logger";
import {
  analyticsEvents,
  dbQueryDuration,
  incrementErrors,
  initializeKnownSeries,
  initMetrics,
  observeActionMetric,
} from "./metrics";
import { posthogConfigured, sendToPosthog } from "./analytics";
import { captureServerError, initSentryServer } from "./sentry";
import { addEventSink, type TrackedEvent } from "./track";

const KEY = Symbol.for("timetracker.observabilityInstalled");
const g = globalThis as unknown as { [KEY]?: boolean };

function eventSink(e: TrackedEvent): void {
  analyticsEvents().inc({ event: e.event });
  sendToPosthog(e).catch((err) =>
    logger().warn({ event: "analytics.sink_failed", analytics_event: e.event, err }, "PostHog sink failed"),
  );
}

export function installObservability(): { sentry: boolean; posthog: boolean } {
  const sentry = initSentryServer();
  if (!g[KEY]) {
    g[KEY] = true;
    initMetrics();
    initializeKnownSeries();
    initializeInvoiceSeries();
    initializeExpenseSeries();
    onActionObserved(observeActionMetric);
    onActionError((action, err) => {
      incrementErrors("action");
      captureServerError(err, { action });
    });
    onDbQuery((model, operation, seconds) => dbQueryDuration().observe({ model, operation }, seconds));
    addEventSink(eventSink);
  }
  return { sentry, posthog: posthogConfigured() };
}
