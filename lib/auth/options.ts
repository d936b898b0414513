// next-auth configuration: username-or-email + password, JWT sessions that name a server-side
// session row (sid), re-checked against the database on every request (see session.ts).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { track } from "@/lib/observability/track";
import { createSession, pruneSessions, revokeSession } from "@/lib/services/sessions";
import { isHttpsOrigin, sameOriginTarget } from "@/lib/security/public-origin";
import { deviceLabel } from "./device-label";
import { attemptCredentialsLogin, loginErrorParam } from "./login-guard";
import { authSecret } from "./secret";
import { completeSsoSignIn, nextAuthLogger, ssoConfig, ssoProvider, SSO_PROVIDER_ID } from "./sso";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : undefined;
}

/**
 * `origin` is publicOrigin() of the request being served: it decides the cookie's Secure flag (and
 * its __Secure- name). Callers that only need the secret may omit it.
 */
export function authOptions(origin?: string, userAgent?: string): NextAuthOptions {
  const sso = ssoConfig();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: origin ? isHttpsOrigin(origin) : undefined,
    // next-auth's own refusals (a bad id token, a missing state cookie) land on /login?error=<code>.
    pages: { signIn: "/login", error: "/login" },
    logger: nextAuthLogger,
    providers: [
      ...(sso ? [ssoProvider(sso)] : []),
      CredentialsProvider({
        name: "Password",
        // ticket + code: the second step of an account with two-factor sign-in (login-guard.ts).
        credentials: {
          login: { type: "text" },
          password: { type: "password" },
          ticket: { type: "hidden" },
          code: { type: "text" },
        },
        async authorize(credentials, req) {
          // X-Forwarded-For holds exactly the client's address once forwarded-guard.ts has vetted it.
          const address = header(req?.headers, "x-forwarded-for")?.trim() || "unknown";
          const res = await attemptCredentialsLogin(credentials ?? {}, address);
          // next-auth passes the thrown message to the login page as ?error=<code>.
          if (!res.ok) throw new Error(loginErrorParam(res));
          await pruneSessions(res.user.id, SESSION_MAX_AGE_SECONDS);
          const sid = await createSession(res.user.id, deviceLabel(header(req?.headers, "user-agent")));
          return { id: res.user.id, role: res.user.role, sv: res.user.sessionVersion, sid };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (!token?.sub) return;
        // The cookie is cleared by next-auth; revoking the row ends copies of it too.
        if (typeof token.sid === "string") await revokeSession(token.sub, token.sid);
        track("auth.logout", {}, { userId: token.sub });
      },
    },
    callbacks: {
      // Single sign-on only (lib/auth/sso.ts); the password provider decides in authorize().
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        const claims = profile as Record<string, unknown> | undefined;
        return completeSsoSignIn(user, claims, deviceLabel(userAgent), SESSION_MAX_AGE_SECONDS);
      },
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; sv: number; sid: string };
          token.sub = u.id;
          token.role = u.role;
          token.sv = u.sv;
          token.sid = u.sid;
        }
        return token;
      },
      async session({ session, token }) {
        // Only the internal id reaches the browser: no email or name in the session payload.
        return { expires: session.expires, user: { id: token.sub } } as typeof session;
      },
      // Same check as the login page's callbackUrl: resolved against our origin, kept only if it stays.
      async redirect({ url, baseUrl }) {
        return sameOriginTarget(url, baseUrl)?.href ?? baseUrl;
      },
    },
  };
}
