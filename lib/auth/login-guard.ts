// Decides a login attempt: rate limits per account and per client address, then the password check,
// then (for accounts with two-factor sign-in) the second step: a code against a signed ticket.
import "server-only";
import { checkLogin, findAccountIdForLogin, getUserById, type UserDto } from "@/lib/services/users";
import {
  clearRateLimits,
  hitRateLimit,
  pruneRateLimits,
  refundRateLimit,
  resetRateLimit,
} from "@/lib/services/rate-limits";
import { hasSecondFactor, spendSecondFactor } from "@/lib/services/two-factor";
import { track } from "@/lib/observability/track";
import { identifyUser } from "@/lib/observability/analytics";
import { ZSecondFactorLogin } from "@/lib/validation/two-factor";
import { ZLogin } from "@/lib/validation/users";
import { accountKey, addressKey, loginLimits } from "./login-limits";
import { issueTicket, readTicket } from "./two-factor-ticket";

export type LoginOutcome =
  | { ok: true; user: UserDto }
  | { ok: false; code: "INVALID" | "INACTIVE" | "RATE_LIMITED" | "TWO_FACTOR_INVALID" | "TWO_FACTOR_EXPIRED" }
  /** The password was right; no session until the second step (attemptSecondFactor) succeeds. */
  | { ok: false; code: "TWO_FACTOR_REQUIRED"; ticket: string };

/**
 * `clientAddress` is the peer address as vetted at the socket (lib/security/forwarded-guard.ts).
 * Each attempt is counted BEFORE the password is checked (atomically, in the database), so parallel
 * guesses cannot slip past the limit. An address over its limit is refused without touching the
 * account's counter: a locked-out address never uses up an account's attempts, so it never blocks
 * the right password from another address. An account over its limit is refused from everywhere
 * until the window ends. A successful login clears the account's counter and takes back its
 * address hit.
 *
 * With a second factor, a right password only takes back its own hits and hands out a ticket: the
 * counter is cleared only once the code is right too, so wrong codes add up in the same limit
 * (re-entering the password never buys more guesses).
 */
export async function attemptLogin(login: string, password: string, clientAddress: string): Promise<LoginOutcome> {
  const limits = loginLimits();
  const address = addressKey(clientAddress);
  if (!(await hitRateLimit(limits.address, address)).allowed) return rateLimited();
  const account = accountKey(await findAccountIdForLogin(login), login);
  if (!(await hitRateLimit(limits.account, account)).allowed) return rateLimited();
  const res = await checkLogin(login, password);
  if (!res.ok) {
    track("auth.login_failed", { reason: res.reason });
    return { ok: false, code: res.reason === "inactive" ? "INACTIVE" : "INVALID" };
  }
  if (await hasSecondFactor(res.user.id)) {
    await Promise.all([refundRateLimit(limits.account, account), refundRateLimit(limits.address, address)]);
    const ticket = issueTicket({ userId: res.user.id, sessionVersion: res.user.sessionVersion });
    return { ok: false, code: "TWO_FACTOR_REQUIRED", ticket };
  }
  return signedIn(res.user, account, address);
}

/** The second step: the ticket from a right password, and a TOTP or recovery code. */
export async function attemptSecondFactor(
  ticket: string,
  code: string,
  clientAddress: string,
  now = Date.now(),
): Promise<LoginOutcome> {
  const limits = loginLimits();
  const address = addressKey(clientAddress);
  if (!(await hitRateLimit(limits.address, address)).allowed) return secondFactorFailed("rate_limited");
  const claims = readTicket(ticket, now);
  if (!claims) return secondFactorFailed("expired");
  const account = accountKey(claims.userId, "");
  if (!(await hitRateLimit(limits.account, account)).allowed) return secondFactorFailed("rate_limited");
  const user = await getUserById(claims.userId);
  // A password change, deactivation or role change since the password step voids the ticket.
  if (!user?.active || user.sessionVersion !== claims.sessionVersion) return secondFactorFailed("expired");
  const check = await spendSecondFactor(user.id, code, now);
  if (!check.ok) return secondFactorFailed(check.reason);
  return signedIn(user, account, address);
}

/** next-auth's credentials: login + password, or ticket + code (the second screen). */
export async function attemptCredentialsLogin(
  credentials: Record<string, unknown>,
  clientAddress: string,
): Promise<LoginOutcome> {
  if (credentials.ticket) {
    const parsed = ZSecondFactorLogin.safeParse(credentials);
    if (!parsed.success) return { ok: false, code: "TWO_FACTOR_INVALID" };
    return attemptSecondFactor(parsed.data.ticket, parsed.data.code, clientAddress);
  }
  const parsed = ZLogin.safeParse(credentials);
  if (!parsed.success) return { ok: false, code: "INVALID" };
  return attemptLogin(parsed.data.login, parsed.data.password, clientAddress);
}

/** What next-auth hands the login page as ?error=: the code, and the ticket for the second step. */
export function loginErrorParam(res: Exclude<LoginOutcome, { ok: true }>): string {
  return res.code === "TWO_FACTOR_REQUIRED" ? `${res.code}:${res.ticket}` : res.code;
}

async function signedIn(user: UserDto, account: string, address: string): Promise<LoginOutcome> {
  const limits = loginLimits();
  await Promise.all([
    resetRateLimit(limits.account, account),
    refundRateLimit(limits.address, address),
    // Expired counters of anyone: keeps the table to the live window.
    pruneRateLimits(),
  ]);
  track("auth.login", { method: "password" }, { userId: user.id });
  void identifyUser(user.id, { role: user.role, auth_method: "password" });
  return { ok: true, user };
}

function rateLimited(): LoginOutcome {
  track("auth.login_failed", { reason: "rate_limited" });
  return { ok: false, code: "RATE_LIMITED" };
}

function secondFactorFailed(reason: "invalid" | "reused" | "expired" | "rate_limited"): LoginOutcome {
  track("auth.2fa_failed", { step: "sign_in", reason });
  if (reason === "rate_limited") return { ok: false, code: "RATE_LIMITED" };
  return { ok: false, code: reason === "expired" ? "TWO_FACTOR_EXPIRED" : "TWO_FACTOR_INVALID" };
}

/** For tests: forgets every login counter. */
export function resetLoginLimiter(): Promise<void> {
  return clearRateLimits("login:");
}
