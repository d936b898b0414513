// Sentry on the server: off unless SENTRY_DSN is set (and DO_NOT_TRACK is not), configured at RUN
// time so one build serves both. No default PII; every event and transaction is scrubbed.
import "server-only";
import * as Sentry from "@sentry/nextjs";
import { env } from "@/lib/env";
import { APP_VERSION } from "@/lib/version";
import { publicDsn, scrubSentryEvent, scrubString } from "./scrub";

const g = globalThis as unknown as { __ttSentry?: boolean };

export function sentryConfigured(): boolean {
  const e = env();
  return Boolean(e.SENTRY_DSN) && !e.DO_NOT_TRACK;
}

export function sentryEnvironment(): string {
  const e = env();
  return e.SENTRY_ENVIRONMENT ?? e.NODE_ENV;
}

export function initSentryServer(): boolean {
  if (g.__ttSentry) return true;
  if (!sentryConfigured()) return false;
  const e = env();
  Sentry.init({
    dsn: publicDsn(e.SENTRY_DSN!),
    release: APP_VERSION,
    environment: sentryEnvironment(),
    tracesSampleRate: e.SENTRY_TRACES_RATE,
    sendDefaultPii: false,
    // No sentry-trace/baggage headers (trace ids, the DSN's public key) on our outgoing requests to
    // telemetry and PostHog: they are not Sentry's to follow (e2e/secrets-leak.spec.ts).
    tracePropagationTargets: [],
    includeLocalVariables: false,
    beforeSend: (event, hint) => scrubSentryEvent(event, hint),
    beforeSendTransaction: (event) => scrubSentryEvent(event),
    // Console lines are the server's own output (Next prints failed renders with their message,
    // which for a database error holds the statement's values): never breadcrumbs.
    beforeBreadcrumb: (crumb) =>
      crumb.category === "console"
        ? null
        : { ...crumb, message: crumb.message ? scrubString(crumb.message) : crumb.message, data: undefined },
  });
  g.__ttSentry = true;
  return true;
}

export function sentryActive(): boolean {
  return Boolean(g.__ttSentry);
}

export function captureServerError(err: unknown, tags: Record<string, string>): void {
  if (!sentryActive()) return;
  Sentry.captureException(err, { tags });
}

export async function flushSentry(timeoutMs = 2000): Promise<void> {
  if (sentryActive()) await Sentry.flush(timeoutMs).catch(() => false);
}

export { Sentry };
