// Browser side of Sentry and PostHog. Both SDKs are imported lazily, and only when the server handed
// over a configuration; otherwise no SDK code is even downloaded. Same scrubbing as the server.
import type { ClientMonitoringConfig } from "./client-config";
import { scrubSentryEvent, scrubString, scrubValue } from "./scrub";

type SentryModule = typeof import("@sentry/nextjs");
let sentry: Promise<SentryModule | null> | undefined;
let posthogStarted = false;

export function startBrowserMonitoring(cfg: ClientMonitoringConfig): void {
  if (cfg.sentry && !sentry) {
    const s = cfg.sentry;
    sentry = import("@sentry/nextjs")
      .then((S) => {
        S.init({
          dsn: s.dsn,
          release: s.release,
          environment: s.environment,
          sendDefaultPii: false,
          // No browser tracing: page loads would carry full URLs and device details for little gain.
          integrations: (defaults) => defaults.filter((i) => i.name !== "BrowserTracing"),
          beforeSend: (event, hint) => scrubSentryEvent(event, hint),
          beforeSendTransaction: (event) => scrubSentryEvent(event),
          beforeBreadcrumb: (crumb) => (crumb.category === "ui.input" ? null : scrubValue(crumb)),
        });
        return S;
      })
      .catch(() => null);
  }
  if (cfg.posthog && !posthogStarted) {
    posthogStarted = true;
    const p = cfg.posthog;
    import("posthog-js")
      .then(({ default: posthog }) => {
        posthog.init(p.key, {
          api_host: p.host,
          persistence: "memory",
          person_profiles: "identified_only",
          autocapture: false,
          capture_pageview: "history_change",
          capture_pageleave: false,
          capture_exceptions: false,
          capture_performance: false,
          capture_heatmaps: false,
          capture_dead_clicks: false,
          rageclick: false,
          disable_session_recording: true,
          disable_surveys: true,
          advanced_disable_flags: true,
          disable_external_dependency_loading: true,
          // A signed-in page starts already identified by the internal id: no anonymous id to merge.
          ...(p.distinctId ? { bootstrap: { distinctID: p.distinctId, isIdentifiedID: true } } : {}),
          before_send: (event) => keepAllowed(event),
        });
      })
      .catch(() => undefined);
  }
}

/** The only browser events that leave: page views (docs/privacy.md §5). */
const ALLOWED_EVENTS = new Set(["$pageview"]);

/**
 * The only properties a browser event keeps: what posthog-js needs to file it (token, ids, time)
 * and the technical details docs/privacy.md §5 lists. Everything else — the host name
 * ($current_url, $host, $initial_*), the referrer ($referrer, $referring_domain,
 * $session_entry_*), campaign parameters (utm_*, gclid, fbclid…), the page title — is dropped
 * because it is not on this list, including whatever a future posthog-js adds.
 */
const ALLOWED_PROPS = new Set([
  "token",
  "distinct_id",
  "$device_id",
  "$session_id",
  "$window_id",
  "$pageview_id",
  "$insert_id",
  "$time",
  "$lib",
  "$lib_version",
  "$is_identified",
  "$process_person_profile",
  "$pathname",
  "$browser",
  "$browser_version",
  "$browser_language",
  "$os",
  "$os_version",
  "$device_type",
  "$screen_height",
  "$screen_width",
  "$viewport_height",
  "$viewport_width",
  "$timezone",
  "$raw_user_agent",
]);

type CaptureResult = { uuid: string; event: string; properties: Record<string, unknown>; timestamp?: Date };

/** posthog-js before_send: page views only, allowlisted properties only, path without query, GeoIP
 * off; no $set / $set_once (the person's properties come from the server's identify only). */
export function keepAllowed<E extends CaptureResult>(event: E | null): E | null {
  if (!event || !ALLOWED_EVENTS.has(event.event)) return null;
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(event.properties ?? {})) {
    if (ALLOWED_PROPS.has(k)) properties[k] = typeof v === "string" ? scrubString(v) : v;
  }
  if (typeof properties.$pathname === "string") {
    properties.$pathname = properties.$pathname.split(/[?#]/)[0];
    // PostHog files page views by $current_url: the path alone, never the installation's host.
    properties.$current_url = properties.$pathname;
  }
  properties.$geoip_disable = true;
  const out: CaptureResult = { uuid: event.uuid, event: event.event, properties };
  if (event.timestamp) out.timestamp = event.timestamp;
  return out as E;
}

/** global-error.tsx: report a crash of the whole page when Sentry was started. */
export function captureBrowserError(err: unknown): void {
  void sentry?.then((S) => S?.captureException(err));
}
