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
          before_send: (event) =>
            event
              ? {
                  ...event,
                  properties: scrubProps(event.properties),
                  ...(event.$set ? { $set: scrubProps(event.$set) } : {}),
                  ...(event.$set_once ? { $set_once: scrubProps(event.$set_once) } : {}),
                }
              : null,
        });
      })
      .catch(() => undefined);
  }
}

const DROPPED_PROPS =
  /^\$?(title|referrer|initial_referrer|referring_domain|initial_referring_domain|session_entry_referrer)$/;

/** Drops titles and referrers; strips query strings, emails and IPs from every other string. */
function scrubProps(props: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props ?? {})) {
    if (DROPPED_PROPS.test(k)) continue;
    out[k] = typeof v === "string" ? scrubString(v) : v;
  }
  return out;
}

/** global-error.tsx: report a crash of the whole page when Sentry was started. */
export function captureBrowserError(err: unknown): void {
  void sentry?.then((S) => S?.captureException(err));
}
