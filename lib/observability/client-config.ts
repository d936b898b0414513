// What the browser is told at run time about Sentry and PostHog (rendered by the root layout), so
// one build serves installations with and without them. Empty unless configured; PostHog also only
// when the administrator allows product analytics. Never contains secrets beyond the public DSN/key.
import "server-only";
import { env } from "@/lib/env";
import { APP_VERSION } from "@/lib/version";
import { isProductAnalyticsAllowed, posthogConfigured } from "./analytics";
import { publicDsn } from "./scrub";
import { sentryConfigured, sentryEnvironment } from "./sentry";

export interface ClientMonitoringConfig {
  sentry?: { dsn: string; environment: string; release: string };
  posthog?: { key: string; host: string; distinctId?: string };
}

export async function clientMonitoringConfig(userId: string | undefined): Promise<ClientMonitoringConfig> {
  const e = env();
  const out: ClientMonitoringConfig = {};
  if (sentryConfigured())
    out.sentry = { dsn: publicDsn(e.SENTRY_DSN!), environment: sentryEnvironment(), release: APP_VERSION };
  if (posthogConfigured() && (await isProductAnalyticsAllowed())) {
    out.posthog = { key: e.POSTHOG_API_KEY!, host: e.POSTHOG_HOST, distinctId: userId };
  }
  return out;
}
