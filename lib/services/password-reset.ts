// Password reset: someone who forgot their password asks for a link by email; the link works once,
// for RESET_TTL_MINUTES; using it sets the new password and ends every session of the account.
// The request answers the same, in the same time, whether or not the address has an account: the
// lookup and the email happen after the answer (deliverLater). Requests and uses are rate-limited
// per typed address and per client address, with the login limits' numbers.
// Anonymous by nature (no caller) except createPasswordResetLink, which is the admin's way when
// email is not set up.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { accountKey, addressKey, loginLimits } from "@/lib/auth/login-limits";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { deliverLater } from "@/lib/mail/later";
import { linkMailReady, mailLinkOrigin, sendMail } from "@/lib/mail/send";
import { passwordResetMail } from "@/lib/mail/templates";
import { track } from "@/lib/observability/track";
import {
  ZCompletePasswordReset,
  ZPasswordResetLink,
  ZRequestPasswordReset,
  ZToken,
  type TCompletePasswordReset,
  type TPasswordResetLink,
  type TRequestPasswordReset,
} from "@/lib/validation/auth";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import { hitRateLimit, resetRateLimit, type RateLimit } from "./rate-limits";
import { revokeAllSessions } from "./sessions";
import { getOrgSettings } from "./settings";

export const RESET_TTL_MINUTES = 30;
/** An admin's copied link may wait in a chat for a while: a day. */
export const ADMIN_RESET_TTL_MINUTES = 24 * 60;

const INVALID_LINK = "This link is invalid, was already used or has expired. Ask for a new one.";
const RATE_LIMITED = "Too many attempts. Wait a few minutes and try again.";

function resetLimits(): { account: RateLimit; address: RateLimit } {
  const l = loginLimits();
  return {
    account: { ...l.account, name: "reset:account" },
    address: { ...l.address, name: "reset:address" },
  };
}

export const resetPath = (token: string) => `/reset-password?token=${token}`;

async function issueToken(userId: string, minutes: number): Promise<string> {
  const { token, hash } = newToken();
  await db().passwordResetToken.create({
    data: { userId, tokenHash: hash, expiresAt: new Date(Date.now() + minutes * 60_000) },
  });
  return token;
}

/**
 * Anonymous. Answers `{ sent: true }` for every well-formed address (the email goes out later, only
 * when an active account has that address); RATE_LIMITED per typed address or client address;
 * CONFLICT when this server cannot mail links (no SMTP_URL or no NEXTAUTH_URL).
 */
export async function requestPasswordReset(
  input: TRequestPasswordReset,
  clientAddress: string,
): Promise<{ sent: true }> {
  const { email } = ZRequestPasswordReset.parse(input);
  if (!linkMailReady()) {
    throw new AppError("CONFLICT", "This server cannot send email. Ask an administrator to reset your password.");
  }
  const limits = resetLimits();
  if (!(await hitRateLimit(limits.address, addressKey(clientAddress))).allowed) throw limited();
  // Keyed by what was typed (hashed), never by a looked-up id: the same cost for unknown addresses.
  if (!(await hitRateLimit(limits.account, accountKey(null, email))).allowed) throw limited();
  deliverLater("password_reset", () => mailResetLink(email));
  return { sent: true };
}

function limited(): AppError {
  track("auth.password_reset_requested", { outcome: "rate_limited" });
  return new AppError("RATE_LIMITED", RATE_LIMITED);
}

async function mailResetLink(email: string): Promise<void> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, active: true } });
  if (!user?.active) {
    track("auth.password_reset_requested", { outcome: "no_account" });
    return;
  }
  const token = await issueToken(user.id, RESET_TTL_MINUTES);
  const url = `${mailLinkOrigin()}${resetPath(token)}`;
  const org = (await getOrgSettings()).name;
  await sendMail("password_reset", email, passwordResetMail({ org, url, minutes: RESET_TTL_MINUTES }));
  track("auth.password_reset_requested", { outcome: "sent" }, { userId: user.id });
}

/** Anonymous: whether a link can still be used (the page says so before asking for a password). */
export async function isPasswordResetTokenUsable(token: string): Promise<boolean> {
  const parsed = ZToken.safeParse(token);
  if (!parsed.success) return false;
  const row = await db().passwordResetToken.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    select: { usedAt: true, expiresAt: true, user: { select: { active: true } } },
  });
  return Boolean(row && !row.usedAt && row.expiresAt > new Date() && row.user.active);
}

/**
 * Anonymous. Uses the link: sets the password, marks every reset link of the account used, ends
 * every session (sessionVersion and the session rows) and clears the account's login lockout.
 */
export async function completePasswordReset(input: TCompletePasswordReset, clientAddress: string): Promise<void> {
  const data = ZCompletePasswordReset.parse(input);
  const limits = resetLimits();
  if (!(await hitRateLimit(limits.address, addressKey(clientAddress))).allowed) {
    track("auth.password_reset_completed", { outcome: "rate_limited" });
    throw new AppError("RATE_LIMITED", RATE_LIMITED);
  }
  const passwordHash = await hashPassword(data.newPassword);
  const now = new Date();
  const userId = await db().$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({
      where: { tokenHash: hashToken(data.token) },
      select: { id: true, userId: true, user: { select: { active: true } } },
    });
    if (!row || !row.user.active) return null;
    // The single use: only one of two simultaneous submissions flips usedAt.
    const used = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    return row.userId;
  });
  if (!userId) {
    track("auth.password_reset_completed", { outcome: "invalid_link" });
    throw new AppError("VALIDATION", INVALID_LINK, { token: [INVALID_LINK] });
  }
  await revokeAllSessions(userId);
  await resetRateLimit(loginLimits().account, accountKey(userId, ""));
  track("auth.password_reset_completed", { outcome: "ok" }, { userId });
}

/** Admin: a reset link to pass on by hand (when email is not set up). Works once, for a day. */
export async function createPasswordResetLink(actor: Caller, input: TPasswordResetLink): Promise<{ path: string }> {
  assertAdmin(actor, "create password reset links");
  const { id } = ZPasswordResetLink.parse(input);
  const user = await db().user.findUnique({ where: { id }, select: { id: true, active: true } });
  if (!user) throw new AppError("NOT_FOUND", "That account does not exist.");
  if (!user.active) throw new AppError("CONFLICT", "This account is deactivated: reactivate it first.");
  const token = await issueToken(user.id, ADMIN_RESET_TTL_MINUTES);
  track("admin.password_reset_link_created", {}, { userId: actorUserId(actor) });
  return { path: resetPath(token) };
}
