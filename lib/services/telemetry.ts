// What the admin telemetry page shows: installation telemetry's state and exact payload, and the
// status of every other channel (PostHog, Sentry, metrics, logs); and the admin's on/off switch.
// Admins only (assertAdmin inside), except the payload preview, which the setup wizard shows too.
import "server-only";
import os from "node:os";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZEnabled, type TEnabled } from "@/lib/validation/settings";
import { actorUserId, assertAdmin, isAdmin, type Caller } from "./actor";
import { isSetupComplete } from "./installation";
import { ensureInstallation } from "./installation-row";
import { decideTelemetry, type TelemetryDecision } from "./telemetry/decision";
import { buildTelemetryPayload, payloadBody } from "./telemetry/payload";
import { kickTelemetry } from "./telemetry/scheduler";
import { syncInstallationVersion } from "./telemetry/send";
import { APP_VERSION, isNewerVersion } from "./telemetry/version";

export { decideTelemetry } from "./telemetry/decision";

export interface TelemetryStatus {
  decision: TelemetryDecision;
  adminOptIn: boolean;
  choiceAt: Date | null;
  installationId: string;
  fingerprintShort: string;
  setupCompletedAt: Date | null;
  payload: string;
  teleUrlConfigured: boolean;
  debug: boolean;
  intervalHours: number;
  installPingSentAt: Date | null;
  lastSentAt: Date | null;
  nextCheckAt: Date | null;
  currentVersion: string;
  latestKnownVersion: string | null;
  updateAvailable: boolean;
  lastError: string | null;
  channels: {
    posthog: { configured: boolean; host: string; productAnalyticsEnabled: boolean };
    sentry: { configured: boolean; tracesRate: number };
    metrics: { tokenSet: boolean; path: string };
    logFile: string;
    doNotTrack: boolean;
  };
}

/**
 * The payload preview: the same function and the same bytes the sender uses. For an admin, or for
 * anyone while setup is not complete (the wizard asks before any account exists: `actor` is null).
 */
export async function previewTelemetryPayload(actor: Caller | null): Promise<string> {
  if (!(actor && isAdmin(actor)) && (await isSetupComplete())) {
    throw new AppError("FORBIDDEN", "Only administrators can see the telemetry payload.");
  }
  const row = await syncInstallationVersion(APP_VERSION, new Date());
  return payloadBody(
    buildTelemetryPayload(row, { version: APP_VERSION, teleSalt: env().TELE_SALT, hostname: os.hostname() }),
  );
}

export async function getTelemetryStatus(actor: Caller): Promise<TelemetryStatus> {
  assertAdmin(actor, "see the telemetry settings");
  const e = env();
  const row = await syncInstallationVersion(APP_VERSION, new Date());
  const payload = buildTelemetryPayload(row, { version: APP_VERSION, teleSalt: e.TELE_SALT, hostname: os.hostname() });
  return {
    decision: decideTelemetry(e, row.telemetryEnabled),
    adminOptIn: row.telemetryEnabled,
    choiceAt: row.telemetryChoiceAt,
    installationId: row.installationId,
    fingerprintShort: `${payload.fingerprint.slice(0, 12)}…`,
    setupCompletedAt: row.setupCompletedAt,
    payload: payloadBody(payload),
    teleUrlConfigured: Boolean(e.TELE_URL),
    debug: e.TELEMETRY_DEBUG,
    intervalHours: e.TELEMETRY_INTERVAL_HOURS,
    installPingSentAt: row.installPingSentAt,
    lastSentAt: row.lastSentAt,
    nextCheckAt: row.nextCheckAt,
    currentVersion: APP_VERSION,
    latestKnownVersion: row.latestKnownVersion,
    updateAvailable: row.latestKnownVersion ? isNewerVersion(row.latestKnownVersion, APP_VERSION) : false,
    lastError: row.lastError,
    channels: {
      posthog: {
        configured: Boolean(e.POSTHOG_API_KEY),
        host: e.POSTHOG_HOST,
        productAnalyticsEnabled: row.productAnalyticsEnabled,
      },
      sentry: { configured: Boolean(e.SENTRY_DSN), tracesRate: e.SENTRY_TRACES_RATE },
      metrics: { tokenSet: Boolean(e.METRICS_TOKEN), path: "/metrics" },
      logFile: e.logFilePath,
      doNotTrack: e.DO_NOT_TRACK,
    },
  };
}

/** The admin telemetry page: its status, and the page view as a product event. */
export async function viewTelemetryDashboard(actor: Caller): Promise<TelemetryStatus> {
  const status = await getTelemetryStatus(actor);
  track("admin.telemetry_dashboard_viewed", {}, { userId: actorUserId(actor) });
  return status;
}

/** The admin's on/off choice; turning it on runs a pass soon (the install ping, if due). */
export async function setInstallationTelemetry(
  actor: Caller,
  input: TEnabled,
): Promise<{ enabled: boolean; decision: TelemetryDecision }> {
  assertAdmin(actor, "turn installation telemetry on or off");
  const { enabled } = ZEnabled.parse(input);
  await ensureInstallation();
  await db().installation.update({
    where: { id: 1 },
    data: { telemetryEnabled: enabled, telemetryChoiceAt: new Date() },
  });
  track("admin.telemetry_toggled", { enabled }, { userId: actorUserId(actor) });
  if (enabled) kickTelemetry();
  return { enabled, decision: decideTelemetry(env(), enabled) };
}
