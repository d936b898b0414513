// What the login page says for each outcome: the catalog's "LoginErrors" namespace, one message per
// code. None of them reveals whether a username exists. Single sign-on (lib/services/sso.ts) and
// next-auth's own OAuth refusals (a bad id token, a missing or replayed state) say no more than the
// user can act on.
export const LOGIN_ERROR_CODES = [
  "INVALID",
  "INACTIVE",
  "RATE_LIMITED",
  "TWO_FACTOR_INVALID",
  "TWO_FACTOR_EXPIRED",
  "SSO_EMAIL_UNVERIFIED",
  "SSO_NO_ACCOUNT",
  "SSO_EMAIL_TAKEN",
  "SSO_LINKED_ELSEWHERE",
  "SSO_FAILED",
  "OAuthSignin",
  "OAuthCallback",
  "Callback",
  "AccessDenied",
] as const;

export type LoginErrorKey = (typeof LOGIN_ERROR_CODES)[number] | "fallback";

/** The "LoginErrors" key for an outcome code; null when there is nothing to say. */
export function loginErrorKey(code: string | null | undefined): LoginErrorKey | null {
  if (!code) return null;
  return (LOGIN_ERROR_CODES as readonly string[]).includes(code) ? (code as LoginErrorKey) : "fallback";
}
