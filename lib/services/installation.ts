// This installation: created on first use, completed once by the setup wizard (or the CLI), and the
// product-analytics consent. Changes authorize inside (admins, or the setup rule for completeSetup);
// the setup-state reads take no caller because the setup gate asks them before anyone can sign in.
import "server-only";
import { invalidateProductAnalyticsAllowed } from "@/lib/observability/analytics";
import { track } from "@/lib/observability/track";
import { db } from "@/lib/db";
import type { Installation } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import {
  STEP_SCHEMAS,
  ZCompleteSetup,
  ZSetupStep,
  type TCompleteSetup,
  type TSetupFields,
  type TSetupStep,
} from "@/lib/validation/setup";
import { ZEnabled, type TEnabled } from "@/lib/validation/settings";
import { assertAdmin, type Caller } from "./actor";
import { ensureInstallation } from "./installation-row";
import { isUniqueViolation } from "./prisma-errors";
import { kickTelemetry } from "./telemetry/scheduler";

export { ensureInstallation, type InstallationRow } from "./installation-row";
export type InstallationDto = Omit<Installation, "salt">;

const g = globalThis as unknown as { __ttSetupDone?: boolean };

/** The installation without its salt, for an admin. */
export async function getInstallation(actor: Caller): Promise<InstallationDto> {
  assertAdmin(actor, "see the installation");
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

export const SETUP_DONE = "Setup is already complete. Sign in instead.";

/** The setup wizard's rule: anyone may act before setup completes, nobody after (CONFLICT). */
export async function assertSetupOpen(): Promise<void> {
  if (await isSetupComplete()) throw new AppError("CONFLICT", SETUP_DONE);
}

/** Checks one of the wizard's steps (the browser's round trip before the next step opens). */
export async function checkSetupStep(input: TSetupStep | TSetupFields): Promise<void> {
  await assertSetupOpen();
  const { step } = ZSetupStep.parse(input);
  STEP_SCHEMAS[step].parse(input);
}

/**
 * Completes setup: creates the first administrator, stores the organization settings and the
 * privacy choices, in ONE transaction guarded by a conditional update, so two browsers racing (or
 * a double submit) create exactly one administrator; the loser gets CONFLICT. No caller: there is
 * no account yet. What authorizes it is the installation's state (assertSetupOpen and the claim).
 */
export async function completeSetup(input: TCompleteSetup | TSetupFields): Promise<{
  adminId: string;
  username: string;
  telemetryEnabled: boolean;
  productAnalyticsEnabled: boolean;
}> {
  await assertSetupOpen();
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
      if (claimed.count !== 1) throw new AppError("CONFLICT", SETUP_DONE);
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
    track(
      "setup.completed",
      { telemetry_enabled: data.telemetry, product_analytics_enabled: productAnalyticsEnabled },
      { userId: adminId },
    );
    if (data.telemetry) kickTelemetry();
    return { adminId, username: data.username, telemetryEnabled: data.telemetry, productAnalyticsEnabled };
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
export async function markSetupComplete(actor: Caller): Promise<boolean> {
  assertAdmin(actor, "complete the setup");
  await ensureInstallation();
  const res = await db().installation.updateMany({
    where: { id: 1, setupCompletedAt: null },
    data: { setupCompletedAt: new Date() },
  });
  if (res.count === 1) g.__ttSetupDone = true;
  return res.count === 1;
}

/** The admin's product-analytics choice. */
export async function setProductAnalyticsChoice(actor: Caller, input: TEnabled): Promise<{ enabled: boolean }> {
  assertAdmin(actor, "change the product-analytics choice");
  const { enabled } = ZEnabled.parse(input);
  await ensureInstallation();
  await db().installation.update({ where: { id: 1 }, data: { productAnalyticsEnabled: enabled } });
  // Server-side PostHog caches the choice for 30 s: make the change take effect at once.
  invalidateProductAnalyticsAllowed();
  return { enabled };
}
