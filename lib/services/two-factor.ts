// A user's own second factor (TOTP + recovery codes): enrolment, status, disabling, new recovery
// codes; and the sign-in's code check (spendSecondFactor), which has no caller yet, like checkLogin.
// Every function changes the caller's own row only (the id comes from the actor). Codes, seeds and
// recovery codes never reach a log or an event: events carry outcomes and counts only.
import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { codeKind, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from "@/lib/auth/totp";
import { accountKey, loginLimits } from "@/lib/auth/login-limits";
import { logger } from "@/lib/observability/logger";
import { track } from "@/lib/observability/track";
import {
  ZConfirmTwoFactor,
  ZDisableTwoFactor,
  ZRegenerateRecoveryCodes,
  type TConfirmTwoFactor,
  type TDisableTwoFactor,
  type TRegenerateRecoveryCodes,
} from "@/lib/validation/two-factor";
import type { Actor } from "./actor";
import { hitRateLimit, refundRateLimit } from "./rate-limits";

const SEAL = "totp";
const ISSUER = "TimeTracker";

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
}

export interface TwoFactorEnrolment {
  /** Base32, grouped by four for typing. */
  secret: string;
  uri: string;
  /** The otpauth URI as an SVG QR code, a data: URL (the CSP allows data: images). */
  qr: string;
}

export async function getTwoFactorStatus(actor: Actor): Promise<TwoFactorStatus> {
  const [row, left] = await Promise.all([
    db().userTwoFactor.findUnique({ where: { userId: actor.id }, select: { enabledAt: true } }),
    db().recoveryCode.count({ where: { userId: actor.id, usedAt: null } }),
  ]);
  const enabledAt = row?.enabledAt ?? null;
  return { enabled: enabledAt !== null, enabledAt, recoveryCodesLeft: enabledAt ? left : 0 };
}

/** No caller (the login guard asks, as for checkLogin): whether the account has a confirmed second factor. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const row = await db().userTwoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

/** Starts (or restarts) enrolment with a fresh seed; CONFLICT while a confirmed one exists. */
export async function startTwoFactorEnrolment(actor: Actor): Promise<TwoFactorEnrolment> {
  const user = await db().user.findUnique({
    where: { id: actor.id },
    select: { username: true, twoFactor: { select: { enabledAt: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "Account not found.");
  if (user.twoFactor?.enabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on.");
  const secret = newTotpSecret();
  const sealed = sealSecret(secret, SEAL);
  await db().userTwoFactor.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, secret: sealed },
    update: { secret: sealed, enabledAt: null, lastStep: null },
  });
  const uri = totpUri(secret, ISSUER, user.username);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    secret: secret.match(/.{1,4}/g)!.join(" "),
    uri,
    qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** Confirms enrolment with a current code; turns 2FA on and returns ten recovery codes, once. */
export async function confirmTwoFactorEnrolment(
  actor: Actor,
  input: TConfirmTwoFactor,
  now = Date.now(),
): Promise<{ recoveryCodes: string[] }> {
  const { code } = ZConfirmTwoFactor.parse(input);
  const row = await db().userTwoFactor.findUnique({
    where: { userId: actor.id },
    select: { secret: true, enabledAt: true },
  });
  if (!row) throw new AppError("CONFLICT", "Start the set-up again: scan a new code.");
  if (row.enabledAt) throw new AppError("CONFLICT", "Two-factor sign-in is already on.");
  const secret = openSecret(row.secret, SEAL);
  const step = secret ? verifyTotp(secret, code, { now }) : null;
  if (step === null) {
    track("auth.2fa_failed", { step: "confirm", reason: "invalid" }, { userId: actor.id });
    const msg = "That code does not match. Check the app's clock and enter the code it shows now.";
    throw new AppError("VALIDATION", msg, { code: [msg] });
  }
  const recoveryCodes = newRecoveryCodes();
  await db().$transaction(async (tx) => {
    const done = await tx.userTwoFactor.updateMany({
      where: { userId: actor.id, enabledAt: null },
      data: { enabledAt: new Date(now), lastStep: step },
    });
    if (done.count !== 1) throw new AppError("CONFLICT", "Two-factor sign-in is already on.");
    await replaceRecoveryCodes(tx, actor.id, recoveryCodes);
  });
  track("auth.2fa_enabled", {}, { userId: actor.id });
  return { recoveryCodes };
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

async function replaceRecoveryCodes(tx: Tx, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
}

export type SecondFactorCheck = { ok: true; method: "totp" | "recovery" } | { ok: false; reason: "invalid" | "reused" };

/**
 * No caller: part of signing in (and of disabling, below). A TOTP code is accepted once: its time
 * step must be later than the last accepted one, written in the same statement that accepts it, so
 * two simultaneous uses of one code cannot both pass. A recovery code is consumed.
 */
export async function spendSecondFactor(userId: string, code: string, now = Date.now()): Promise<SecondFactorCheck> {
  const row = await db().userTwoFactor.findUnique({
    where: { userId },
    select: { secret: true, enabledAt: true, lastStep: true },
  });
  if (!row?.enabledAt) return { ok: false, reason: "invalid" };
  const kind = codeKind(code);
  if (kind === "totp") {
    const secret = openSecret(row.secret, SEAL);
    if (!secret) {
      // The seed was sealed under another auth secret (NEXTAUTH_SECRET changed): no code can match.
      logger().warn({ event: "auth.2fa_seed_unreadable" }, "a TOTP seed cannot be decrypted with this auth secret");
      return { ok: false, reason: "invalid" };
    }
    const step = verifyTotp(secret, code, { now });
    if (step === null) return { ok: false, reason: "invalid" };
    const taken = await db().userTwoFactor.updateMany({
      where: { userId, enabledAt: { not: null }, OR: [{ lastStep: null }, { lastStep: { lt: step } }] },
      data: { lastStep: step },
    });
    return taken.count === 1 ? { ok: true, method: "totp" } : { ok: false, reason: "reused" };
  }
  if (kind === "recovery") {
    const used = await db().recoveryCode.updateMany({
      where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
      data: { usedAt: new Date(now) },
    });
    if (used.count !== 1) return { ok: false, reason: "invalid" };
    const remaining = await db().recoveryCode.count({ where: { userId, usedAt: null } });
    track("auth.recovery_code_used", { remaining }, { userId });
    return { ok: true, method: "recovery" };
  }
  return { ok: false, reason: "invalid" };
}

/** Re-entering the password counts in the login limits: a stolen session cannot guess it freely. */
async function assertPassword(actor: Actor, password: string): Promise<void> {
  const limit = loginLimits().account;
  const key = accountKey(actor.id, "");
  if (!(await hitRateLimit(limit, key)).allowed) {
    throw new AppError("RATE_LIMITED", "Too many failed attempts. Wait 15 minutes and try again.");
  }
  const row = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(password, row.passwordHash))) {
    throw new AppError("VALIDATION", "The password is wrong.", { password: ["The password is wrong."] });
  }
  await refundRateLimit(limit, key);
}

/** Turns 2FA off: the password and a current code (or a recovery code) are required. */
export async function disableTwoFactor(actor: Actor, input: TDisableTwoFactor, now = Date.now()): Promise<void> {
  const { password, code } = ZDisableTwoFactor.parse(input);
  if (!(await hasSecondFactor(actor.id))) throw new AppError("CONFLICT", "Two-factor sign-in is not on.");
  await assertPassword(actor, password);
  const check = await spendSecondFactor(actor.id, code, now);
  if (!check.ok) {
    // A wrong code costs an attempt too (not refunded).
    await hitRateLimit(loginLimits().account, accountKey(actor.id, ""));
    track("auth.2fa_failed", { step: "disable", reason: check.reason }, { userId: actor.id });
    const msg =
      check.reason === "reused" ? "That code was already used. Wait for the next one." : "That code is wrong.";
    throw new AppError("VALIDATION", msg, { code: [msg] });
  }
  await removeSecondFactor(actor.id);
  track("auth.2fa_disabled", { by: "self" }, { userId: actor.id });
}

/** Ten new recovery codes (the old ones stop working); the password is required. */
export async function regenerateRecoveryCodes(
  actor: Actor,
  input: TRegenerateRecoveryCodes,
): Promise<{ recoveryCodes: string[] }> {
  const { password } = ZRegenerateRecoveryCodes.parse(input);
  if (!(await hasSecondFactor(actor.id))) throw new AppError("CONFLICT", "Two-factor sign-in is not on.");
  await assertPassword(actor, password);
  const recoveryCodes = newRecoveryCodes();
  await db().$transaction((tx) => replaceRecoveryCodes(tx, actor.id, recoveryCodes));
  track("auth.recovery_codes_regenerated", {}, { userId: actor.id });
  return { recoveryCodes };
}

/** Deletes the seed and the recovery codes of an account; whether there was a second factor. */
export async function removeSecondFactor(userId: string): Promise<boolean> {
  const [gone] = await db().$transaction([
    db().userTwoFactor.deleteMany({ where: { userId } }),
    db().recoveryCode.deleteMany({ where: { userId } }),
  ]);
  return gone.count > 0;
}
