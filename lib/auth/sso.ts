// OpenID Connect single sign-on through next-auth's OAuth provider: discovery from the issuer,
// authorization code flow with PKCE, state and nonce. next-auth (openid-client) checks the id
// token's signature, issuer, audience, expiry and nonce; lib/services/sso.ts then decides which of
// our accounts it is. The session made afterwards is the same kind as a password login's.
import "server-only";
import type { User } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { childLogger } from "@/lib/observability/logger";
import { captureServerError } from "@/lib/observability/sentry";
import { createSession, pruneSessions } from "@/lib/services/sessions";
import { resolveSsoLogin } from "@/lib/services/sso";
import { discoveryUrl, ssoConfig, type SsoConfig } from "./sso-config";

export { ssoConfig };

export const SSO_PROVIDER_ID = "oidc";

export function ssoProvider(cfg: SsoConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: cfg.label,
    type: "oauth",
    wellKnown: discoveryUrl(cfg.issuer),
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: cfg.scopes } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    httpOptions: { timeout: 10_000 },
    // Only the subject: no name or email goes into our session token.
    profile: (claims) => ({ id: String(claims.sub) }),
  };
}

/**
 * next-auth's signIn callback for an SSO login. `user` is the object the jwt callback receives
 * next (no adapter: the same object), so on success it is filled with our account id, role,
 * session version and a new session row. On refusal: the login page with the reason.
 */
export async function completeSsoSignIn(
  user: User,
  claims: Record<string, unknown> | undefined,
  deviceLabel: string,
  sessionMaxAgeSeconds: number,
): Promise<true | string> {
  const cfg = ssoConfig();
  const sub = claims?.sub;
  const iss = claims?.iss;
  if (!cfg || !claims || typeof sub !== "string" || typeof iss !== "string") return "/login?error=SSO_FAILED";
  try {
    return await signInAs(user, { ...claims, sub, iss }, cfg, deviceLabel, sessionMaxAgeSeconds);
  } catch (err) {
    // next-auth would put a thrown error's message into the redirect URL: log it here instead.
    log().error({ err }, "single sign-on failed");
    captureServerError(err, { area: "sso" });
    return "/login?error=SSO_FAILED";
  }
}

async function signInAs(
  user: User,
  claims: Record<string, unknown> & { sub: string; iss: string },
  cfg: SsoConfig,
  deviceLabel: string,
  sessionMaxAgeSeconds: number,
): Promise<true | string> {
  const res = await resolveSsoLogin(
    {
      issuer: claims.iss,
      sub: claims.sub,
      email: claims.email,
      emailVerified: claims.email_verified,
      preferredUsername: claims.preferred_username,
      name: claims.name,
      groups: claims[cfg.groupsClaim],
    },
    { adminGroup: cfg.adminGroup },
  );
  if (!res.ok) return `/login?error=${res.code}`;
  await pruneSessions(res.user.id, sessionMaxAgeSeconds);
  const sid = await createSession(res.user.id, deviceLabel);
  Object.assign(user, { id: res.user.id, role: res.user.role, sv: res.user.sessionVersion, sid });
  return true;
}

const log = () => childLogger("auth");

/** Anything token-like (a JWT, a long random string) in a message becomes "[redacted]". */
function scrub(message: unknown): string | undefined {
  if (typeof message !== "string") return undefined;
  return message.replace(/[A-Za-z0-9_\-.~+/=]{24,}/g, "[redacted]").slice(0, 300);
}

/**
 * next-auth's logger: the code, the error's name and its scrubbed message ("unexpected iss value",
 * "JWT expired", "state cookie was missing") go to our log. Its default prints whole error
 * objects, and openid-client's id-token errors carry the token itself (RPError.jwt).
 */
export const nextAuthLogger = {
  error(code: string, meta: unknown) {
    const err = (meta as { error?: unknown } | undefined)?.error ?? meta;
    const e = err as { name?: unknown; message?: unknown } | undefined;
    log().warn(
      { code, errorName: typeof e?.name === "string" ? e.name : undefined, reason: scrub(e?.message) },
      "next-auth error",
    );
  },
  warn(code: string) {
    log().warn({ code }, "next-auth warning");
  },
  debug() {},
};
