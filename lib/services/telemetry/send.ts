// One pass of installation telemetry: the install ping (once per installation, ever), an update
// ping when the version changed, and the periodic update check. Every send is claimed first with a
// conditional UPDATE, so several processes or restarts never send the same ping twice.
import "server-only";
import os from "node:os";
import { db } from "@/lib/db";
import type { Installation } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/observability/logger";
import { ensureInstallation } from "@/lib/services/installation-row";
import { decideTelemetry, type TelemetryReason } from "./decision";
import { buildTelemetryPayload, payloadBody } from "./payload";
import { APP_VERSION, isVersion } from "./version";

export interface RunOptions {
  version?: string;
  now?: Date;
  hostname?: string;
  fetchImpl?: typeof fetch;
}

export type RunOutcome =
  | { action: "disabled"; reason: TelemetryReason }
  | { action: "no_url" | "debug" | "idle" | "install" | "update" | "check" }
  | { action: "failed"; error: string };

const log = () => childLogger("telemetry");

/** The installation row, with its running version recorded (the payload's update timestamp). */
export async function syncInstallationVersion(version: string, now: Date): Promise<Installation> {
  const row = await ensureInstallation();
  if (row.appVersion === version) return row;
  const res = await db().installation.updateMany({
    where: { id: 1, OR: [{ appVersion: null }, { appVersion: { not: version } }] },
    data: { appVersion: version, appVersionSince: now },
  });
  return res.count ? db().installation.findUniqueOrThrow({ where: { id: 1 } }) : row;
}

function describe(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string }; message?: string };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return "timeout";
  if (e?.cause?.code) return `network error (${e.cause.code})`;
  return String(e?.message ?? "error").slice(0, 200);
}

/** Sends (POST with body) or checks (GET, no body); returns the announced latest version, if any. */
async function call(fetchImpl: typeof fetch, url: string, body?: string): Promise<string | null> {
  const res = await fetchImpl(url, {
    method: body === undefined ? "GET" : "POST",
    headers:
      body === undefined
        ? { accept: "application/json" }
        : { "content-type": "application/json", accept: "application/json" },
    body,
    redirect: "error",
    signal: AbortSignal.timeout(env().TELEMETRY_TIMEOUT_SECONDS * 1000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const data = (await res.json().catch(() => null)) as { latest_version?: unknown } | null;
  return isVersion(data?.latest_version) ? data.latest_version.replace(/^v/, "") : null;
}

export async function runTelemetryOnce(opts: RunOptions = {}): Promise<RunOutcome> {
  const e = env();
  const version = opts.version ?? APP_VERSION;
  const now = opts.now ?? new Date();
  const fetchImpl = opts.fetchImpl ?? fetch;
  const row = await syncInstallationVersion(version, now);
  const decision = decideTelemetry(e, row.telemetryEnabled);
  if (!decision.enabled) return { action: "disabled", reason: decision.reason };

  const payload = buildTelemetryPayload(row, {
    version,
    teleSalt: e.TELE_SALT,
    hostname: opts.hostname ?? os.hostname(),
  });
  const body = payloadBody(payload);
  if (e.TELEMETRY_DEBUG) {
    log().info({ event: "telemetry.debug", payload }, "TELEMETRY_DEBUG: this payload would be sent (nothing was sent)");
    return { action: "debug" };
  }
  const url = e.TELE_URL;
  if (!url) return { action: "no_url" };
  const nextCheckAt = new Date(now.getTime() + e.TELEMETRY_INTERVAL_HOURS * 3600_000);
  const i = db().installation;

  const succeed = async (latest: string | null) => {
    await i.update({
      where: { id: 1 },
      data: { lastSentAt: now, lastError: null, nextCheckAt, ...(latest ? { latestKnownVersion: latest } : {}) },
    });
  };

  if (!row.installPingSentAt || row.lastSentVersion !== version) {
    const kind = row.installPingSentAt ? "update" : "install";
    // Claim the ping before sending it: whoever flips the marker sends; everyone else does not.
    const claim =
      kind === "install"
        ? await i.updateMany({
            where: { id: 1, installPingSentAt: null },
            data: { installPingSentAt: now, lastSentVersion: version },
          })
        : await i.updateMany({
            where: { id: 1, lastSentVersion: row.lastSentVersion },
            data: { lastSentVersion: version },
          });
    if (claim.count !== 1) return { action: "idle" };
    try {
      await succeed(await call(fetchImpl, url, body));
      log().info({ event: "telemetry.sent", kind, app_version: version }, `installation telemetry: ${kind} ping sent`);
      return { action: kind };
    } catch (err) {
      const error = describe(err);
      // Give the claim back so a later attempt retries it.
      await i.updateMany({
        where: { id: 1, lastSentVersion: version },
        data:
          kind === "install"
            ? { installPingSentAt: null, lastSentVersion: null, lastError: error }
            : { lastSentVersion: row.lastSentVersion, lastError: error },
      });
      log().warn({ event: "telemetry.failed", kind, error }, "installation telemetry failed; will retry");
      return { action: "failed", error };
    }
  }

  if (row.nextCheckAt && row.nextCheckAt > now) return { action: "idle" };
  const claim = await i.updateMany({ where: { id: 1, nextCheckAt: row.nextCheckAt }, data: { nextCheckAt } });
  if (claim.count !== 1) return { action: "idle" };
  try {
    const latest = await call(fetchImpl, url);
    await i.update({ where: { id: 1 }, data: { lastError: null, ...(latest ? { latestKnownVersion: latest } : {}) } });
    return { action: "check" };
  } catch (err) {
    const error = describe(err);
    await i.update({ where: { id: 1 }, data: { lastError: error, nextCheckAt: row.nextCheckAt } });
    log().warn({ event: "telemetry.failed", kind: "check", error }, "update check failed; will retry");
    return { action: "failed", error };
  }
}
