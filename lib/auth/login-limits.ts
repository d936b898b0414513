// The login rate limits: failures per account (whichever spelling of its login was typed) and per
// client address, counted in the database so every app instance sees the same numbers. Addresses
// and unknown typed logins are stored only as keyed hashes (HMAC with the session secret, which all
// instances share): the policy keeps IP addresses, and whatever someone typed, out of the database.
import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import type { RateLimit } from "@/lib/services/rate-limits";
import { authSecret } from "./secret";

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

function pseudonym(kind: string, value: string): string {
  return createHmac("sha256", authSecret()).update(`${kind}\0${value}`).digest("base64url").slice(0, 32);
}

/** The account's counter key: its id when the login names one, else the typed login, so an unknown
 * name is limited exactly like a real one (the limit must not reveal which names exist). */
export function accountKey(accountId: string | null, login: string): string {
  return accountId ? `id:${accountId}` : `name:${pseudonym("login", login.trim().toLowerCase())}`;
}

export function addressKey(address: string): string {
  return pseudonym("address", address);
}
