// The login rate limits: failures per account (whichever spelling of its login was typed) and per
// client address, counted in the database so every app instance sees the same numbers.
import "server-only";
import { env } from "@/lib/env";
import type { RateLimit } from "@/lib/services/rate-limits";

export function loginLimits(): { account: RateLimit; address: RateLimit } {
  const e = env();
  return {
    account: { name: "login:account", points: e.LOGIN_MAX_ATTEMPTS, windowSeconds: e.LOGIN_WINDOW_SECONDS },
    address: {
      name: "login:address",
      points: e.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
      windowSeconds: e.LOGIN_WINDOW_SECONDS,
    },
  };
}

/** The account's counter key: its id when the login names one, else the typed login itself, so an
 * unknown name is limited exactly like a real one (the limit must not reveal which names exist). */
export function accountKey(accountId: string | null, login: string): string {
  return accountId ? `id:${accountId}` : `name:${login.trim().toLowerCase()}`;
}
