// track(event, props): the ONLY way to emit an analytics event. It checks the props against the
// catalog (dropping unknown ones), logs the event, and hands it to the sinks (metrics, PostHog),
// which decide for themselves whether they are enabled and allowed.
import "server-only";
import { logger } from "./logger";
import { currentContext } from "./request-context";
import { EVENTS, sanitizeProps, type EventName, type EventProps } from "./events";

export interface TrackedEvent {
  event: EventName;
  props: Record<string, unknown>;
  /** Internal user id, never email or username. */
  distinctId?: string;
  localOnly: boolean;
}

type Sink = (e: TrackedEvent) => void;
const g = globalThis as unknown as { __ttEventSinks?: Sink[] };

export function addEventSink(sink: Sink): void {
  (g.__ttEventSinks ??= []).push(sink);
}

export function track<E extends EventName>(event: E, props: EventProps<E>, opts: { userId?: string } = {}): void {
  const clean = sanitizeProps(event, props);
  if (!clean) {
    logger().warn(
      { event: "analytics.invalid_props", analytics_event: event },
      "event dropped: properties do not match the catalog",
    );
    return;
  }
  const distinctId = opts.userId ?? currentContext()?.userId;
  const e: TrackedEvent = {
    event,
    props: clean,
    distinctId,
    localOnly: Boolean((EVENTS[event] as { localOnly?: boolean }).localOnly),
  };
  logger().info({ event: "analytics", analytics_event: event, props: clean }, event);
  for (const sink of g.__ttEventSinks ?? []) {
    try {
      sink(e);
    } catch (err) {
      // An analytics failure never breaks the request that emitted the event.
      logger().warn({ event: "analytics.sink_failed", analytics_event: event, err }, "event sink failed");
    }
  }
}
