// PostHog product analytics on the server (posthog-node): off unless POSTHOG_API_KEY is set and
// DO_NOT_TRACK is not; product events go out only while the administrator allows product analytics.
// Distinct id = the internal user id. Sending is queued and batched; a network failure never reaches a request.
import "server-only";
import { PostHog } from "posthog-node";
import { env } from "@/lib/env";
import { readProductAnalyticsFlag } from "@/lib/services/analytics-consent";
import { logger } from "./logger";
import type { TrackedEvent } from "./track";

const KEY = Symbol.for("timetracker.posthog");
type Holder = { client?: PostHog; allowed?: { value: boolean; at: number }; override?: () => Promise<boolean> };
const g = globalThis as unknown as { [KEY]?: Holder };
const h = (): Holder => (g[KEY] ??= {});

/** Product events without a signed-in user go under one fixed id, without a person profile. */
const ANONYMOUS_ID = "timetracker-server";
const ALLOWED_TTL_MS = 30_000;

export function posthogConfigured(): boolean {
  const e = env();
  return Boolean(e.POSTHOG_API_KEY) && !e.DO_NOT_TRACK;
}

/** The administrator's product-analytics choice, cached for 30 s. Any failure reads as "no". */
export async function isProductAnalyticsAllowed(): Promise<boolean> {
  const holder = h();
  if (holder.override) return holder.override();
  if (holder.allowed && Date.now() - holder.allowed.at < ALLOWED_TTL_MS) return holder.allowed.value;
  let value = false;
  try {
    value = await readProductAnalyticsFlag();
  } catch (err) {
    logger().warn({ event: "analytics.consent_read_failed", err }, "could not read the product analytics setting");
  }
  holder.allowed = { value, at: Date.now() };
  return value;
}

/** Call after an administrator changes the product-analytics setting: the next event re-reads it. */
export function invalidateProductAnalyticsAllowed(): void {
  delete h().allowed;
}

/** For tests: decide consent with fn instead of the database (undefined restores the real setting). */
export function setProductAnalyticsAllowedResolver(fn: (() => Promise<boolean>) | undefined): void {
  h().override = fn;
  delete h().allowed;
}

function client(): PostHog | null {
  if (!posthogConfigured()) return null;
  const holder = h();
  if (!holder.client) {
    const e = env();
    holder.client = new PostHog(e.POSTHOG_API_KEY!, {
      host: e.POSTHOG_HOST,
      flushAt: 20,
      flushInterval: 10_000,
      requestTimeout: 5_000,
      fetchRetryCount: 1,
      disableGeoip: true,
    });
    holder.client.on("error", (err: unknown) =>
      logger().warn({ event: "analytics.send_failed", err }, "PostHog send failed"),
    );
  }
  return holder.client;
}

export async function sendToPosthog(e: TrackedEvent): Promise<boolean> {
  if (e.localOnly || !posthogConfigured() || !(await isProductAnalyticsAllowed())) return false;
  const c = client();
  if (!c) return false;
  const anonymous = !e.distinctId;
  c.capture({
    distinctId: e.distinctId ?? ANONYMOUS_ID,
    event: e.event,
    properties: { ...e.props, ...(anonymous ? { $process_person_profile: false } : {}) },
    disableGeoip: true,
  });
  return true;
}

/** On login: the person's role and auth method, nothing else. */
export async function identifyUser(userId: string, traits: { role: string; auth_method: string }): Promise<void> {
  try {
    if (!posthogConfigured() || !(await isProductAnalyticsAllowed())) return;
    client()?.identify({ distinctId: userId, properties: { role: traits.role, auth_method: traits.auth_method } });
  } catch (err) {
    logger().warn({ event: "analytics.identify_failed", err }, "PostHog identify failed");
  }
}

export async function flushPosthog(): Promise<void> {
  await h()
    .client?.flush()
    .catch(() => undefined);
}

/** Sends what is queued (bounded wait) and closes the client. */
export async function shutdownPosthog(timeoutMs = 3000): Promise<void> {
  const c = h().client;
  if (!c) return;
  delete h().client;
  await c.shutdown(timeoutMs).catch(() => undefined);
}
