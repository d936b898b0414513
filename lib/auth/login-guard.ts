// Decides a login attempt: rate limits per username and per client address, then the password check.
import "server-only";
import { env } from "@/lib/env";
import { checkLogin, type UserDto } from "@/lib/services/users";
import { track } from "@/lib/observability/track";
import { identifyUser } from "@/lib/observability/analytics";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

export type LoginOutcome = { ok: true; user: UserDto } | { ok: false; code: "INVALID" | "INACTIVE" | "RATE_LIMITED" };

const g = globalThis as unknown as { __ttLoginLimiter?: RateLimiter };
function limiter(): RateLimiter {
  const e = env();
  g.__ttLoginLimiter ??= createRateLimiter(e.LOGIN_MAX_ATTEMPTS, e.LOGIN_WINDOW_SECONDS * 1000);
  return g.__ttLoginLimiter;
}

export async function attemptLogin(login: string, password: string, clientAddress: string): Promise<LoginOutcome> {
  const userKey = `u:${login.trim().toLowerCase()}`;
  const ipKey = `ip:${clientAddress}`;
  const rl = limiter();
  // An address gets more tries than one username: several people may share an office NAT.
  if (rl.isLimited(userKey) || rl.isLimited(ipKey)) {
    track("auth.login_failed", { reason: "rate_limited" });
    return { ok: false, code: "RATE_LIMITED" };
  }
  const res = await checkLogin(login, password);
  if (!res.ok) {
    rl.recordFailure(userKey);
    rl.recordFailure(ipKey);
    track("auth.login_failed", { reason: res.reason });
    return { ok: false, code: res.reason === "inactive" ? "INACTIVE" : "INVALID" };
  }
  rl.reset(userKey);
  track("auth.login", { method: "password" }, { userId: res.user.id });
  void identifyUser(res.user.id, { role: res.user.role, auth_method: "password" });
  return res;
}

/** For tests. */
export function resetLoginLimiter(): void {
  delete g.__ttLoginLimiter;
}
