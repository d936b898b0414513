// Decides a login attempt: rate limits per account and per client address, then the password check.
import "server-only";
import { checkLogin, findAccountIdForLogin, type UserDto } from "@/lib/services/users";
import {
  clearRateLimits,
  hitRateLimit,
  pruneRateLimits,
  refundRateLimit,
  resetRateLimit,
} from "@/lib/services/rate-limits";
import { track } from "@/lib/observability/track";
import { identifyUser } from "@/lib/observability/analytics";
import { accountKey, addressKey, loginLimits } from "./login-limits";

export type LoginOutcome = { ok: true; user: UserDto } | { ok: false; code: "INVALID" | "INACTIVE" | "RATE_LIMITED" };

/**
 * `clientAddress` is the peer address as vetted at the socket (lib/security/forwarded-guard.ts).
 * Each attempt is counted BEFORE the password is checked (atomically, in the database), so parallel
 * guesses cannot slip past the limit. An address over its limit is refused without touching the
 * account's counter: a locked-out address never uses up an account's attempts, so it never blocks
 * the right password from another address. An account over its limit is refused from everywhere
 * until the window ends. A successful login clears the account's counter and takes back its
 * address hit.
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
  await Promise.all([
    resetRateLimit(limits.account, account),
    refundRateLimit(limits.address, address),
    // Expired counters of anyone: keeps the table to the live window.
    pruneRateLimits(),
  ]);
  track("auth.login", { method: "password" }, { userId: res.user.id });
  void identifyUser(res.user.id, { role: res.user.role, auth_method: "password" });
  return res;
}

function rateLimited(): LoginOutcome {
  track("auth.login_failed", { reason: "rate_limited" });
  return { ok: false, code: "RATE_LIMITED" };
}

/** For tests: forgets every login counter. */
export function resetLoginLimiter(): Promise<void> {
  return clearRateLimits("login:");
}
