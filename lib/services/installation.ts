// This installation: created on first use, completed once by the setup wizard (or the CLI), and the
// consent choices for installation telemetry and product analytics. Callers authorize.
import "server-only";
import { invalidateProductAnalyticsAllowed } from "@/lib/observability/analytics";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Installation } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { ZCompleteSetup, type TCompleteSetup } from "@/lib/validation/setup";
import { isUniqueViolation } from "./prisma-errors";
import { APP_VERSION } from "./telemetry/version";

export type InstallationRow = Installation;
export type InstallationDto = Omit<Installation, "salt">;

const g = globalThis as unknown as { __ttSetupDone?: boolean };

/** The installation row, created (with a random id and salt) the first time anything asks. */
export async function ensureInstallation(): Promise<InstallationRow> {
  const found = await db().installation.findUnique({ where: { id: 1 } });
  if (found) return found;
  const now = new Date();
  try {
    return await db().installation.create({
      data: {
        id: 1,
        installationId: randomUUID(),
        salt: randomBytes(32).toString("hex"),
        appVersion: APP_VERSION,
        // The same instant for both: on first run, installed and "updated" are the same moment.
        appVersionSince: now,
        createdAt: now,
      },
    });
  } catch (err) {
    // Another request or process created it first: use theirs.
    if (isUniqueViolation(err)) return db().installation.findUniqueOrThrow({ where: { id: 1 } });
    throw err;
  }
}

export async function getInstallation(): Promise<InstallationDto> {
  const { salt: _salt, ...dto } = await ensureInstallation();
  return dto;
}

/** True once setup has completed. Only "true" is cached: it never goes back. */
export async function isSetupComplete(): Promise<boolean> {
  if (g.__ttSetupDone) return true;
  const row = await db().installation.findUnique({ where: { id: 1 }, select: { setupCompletedAt: true } });
  if (row?.setupCompletedAt) g.__ttSetupDone = true;
  return Boolean(row?.setupCompletedAt);
}

/** For tests: forget the cached "setup complete". */
export function resetSetupCache(): void {
  delete g.__ttSetupDone;
}

/** Paths that work before setup: health, readiness, metrics, static files, next-auth, the wizard. */
export const SETUP_EXEMPT_PREFIXES = [
  "/setup",
  "/api/health",
  "/api/ready",
  "/metrics",
  "/_next/",
  "/api/auth/",
  "/favicon.ico",
];

export function isSetupExempt(pathname: string): boolean {
  return SETUP_EXEMPT_PREFIXES.some(
    (p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p.endsWith("/") ? p : `${p}/`),
  );
}

/** Where a request for `pathname` must go instead: "/setup" until setup is complete, else null. */
export async function setupRedirectTarget(pathname: string): Promise<string | null> {
  if (isSetupExempt(pathname)) return null;
  return (await isSetupComplete()) ? null : "/setup";
}

/**
 * Completes setup: creates the first administrator, stores the organization settings and the
 * privacy choices, in ONE transaction guarded by a conditional update, so two browsers racing (or
 * a double submit) create exactly one administrator; the loser gets CONFLICT.
 */
export async function completeSetup(
  input: TCompleteSetup | Record<string, unknown>,
): Promise<{ adminId: string; telemetryEnabled: boolean; productAnalyticsEnabled: boolean }> {
  const data = ZCompleteSetup.parse(input);
  await ensureInstallation();
  const passwordHash = await hashPassword(data.password);
  const productAnalyticsEnabled = data.productAnalytics && Boolean(env().POSTHOG_API_KEY);
  const now = new Date();
  try {
    const adminId = await db().$transaction(async (tx) => {
      const claimed = await tx.installation.updateMany({
        where: { id: 1, setupCompletedAt: null },
        data: {
          setupCompletedAt: now,
          telemetryEnabled: data.telemetry,
          telemetryChoiceAt: now,
          productAnalyticsEnabled,
        },
      });
      if (claimed.count !== 1) throw new AppError("CONFLICT", "Setup is already complete. Sign in instead.");
      const user = await tx.user.create({
        data: { username: data.username, email: data.email, fullName: data.fullName, role: "admin", passwordHash },
        select: { id: true },
      });
      const org = {
        name: data.name,
        timezone: data.timezone,
        currency: data.currency,
        weekStart: data.weekStart,
        roundingMinutes: data.roundingMinutes,
        roundingMode: data.roundingMode,
      };
      await tx.organizationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...org }, update: org });
      return user.id;
    });
    g.__ttSetupDone = true;
    invalidateProductAnalyticsAllowed();
    return { adminId, telemetryEnabled: data.telemetry, productAnalyticsEnabled };
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("CONFLICT", "That username or email is already taken.", {
        username: ["That username or email is already taken."],
      });
    }
    throw err;
  }
}

/**
 * Marks setup complete without the wizard (the `user:create --admin` CLI), when it is not yet.
 * Telemetry stays off: no choice was made. Returns true when this call completed it.
 */
export async function markSetupComplete(): Promise<boolean> {
  await ensureInstallation();
  const res = await db().installation.updateMany({
    where: { id: 1, setupCompletedAt: null },
    data: { setupCompletedAt: new Date() },
  });
  if (res.count === 1) g.__ttSetupDone = true;
  return res.count === 1;
}

/** The admin's installation-telemetry choice (callers authorize). */
export async function setTelemetryChoice(enabled: boolean): Promise<void> {
  await ensureInstallation();
  await db().installation.update({
    where: { id: 1 },
    data: { telemetryEnabled: enabled, telemetryChoiceAt: new Date() },
  });
}

/** The admin's product-analytics choice (callers authorize). */
export async function setProductAnalyticsChoice(enabled: boolean): Promise<void> {
  await ensureInstallation();
  await db().installation.update({ where: { id: 1 }, data: { productAnalyticsEnabled: enabled } });
  // Server-side PostHog caches the choice for 30 s: make the change take effect at once.
  invalidateProductAnalyticsAllowed();
}

/**
 * May PostHog run in the browser? Only when a key is configured, DO_NOT_TRACK is not set, and the
 * admin allowed product analytics (wizard or telemetry page). Default: no.
 */
export async function isProductAnalyticsAllowed(): Promise<boolean> {
  const e = env();
  if (e.DO_NOT_TRACK || !e.POSTHOG_API_KEY) return false;
  const row = await db().installation.findUnique({ where: { id: 1 }, select: { productAnalyticsEnabled: true } });
  return Boolean(row?.productAnalyticsEnabled);
}
