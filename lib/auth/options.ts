// next-auth configuration: username-or-email + password, JWT sessions re-checked against the
// database on every request (see session.ts).
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ZLogin } from "@/lib/validation/users";
import { track } from "@/lib/observability/track";
import { attemptLogin } from "./login-guard";
import { authSecret } from "./secret";

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const fwd = String(headers?.["x-forwarded-for"] ?? "")
    .split(",")[0]
    ?.trim();
  return fwd || String(headers?.["x-real-ip"] ?? "unknown");
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Password",
        credentials: { login: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = ZLogin.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("INVALID");
          const res = await attemptLogin(parsed.data.login, parsed.data.password, clientAddress(req?.headers));
          // next-auth passes the thrown message to the login page as ?error=<code>.
          if (!res.ok) throw new Error(res.code);
          return { id: res.user.id, role: res.user.role, sv: res.user.sessionVersion };
        },
      }),
    ],
    events: {
      signOut({ token }) {
        if (token?.sub) track("auth.logout", {}, { userId: token.sub });
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; sv: number };
          token.sub = u.id;
          token.role = u.role;
          token.sv = u.sv;
        }
        return token;
      },
      async session({ session, token }) {
        // Only the internal id reaches the browser: no email or name in the session payload.
        return { expires: session.expires, user: { id: token.sub } } as typeof session;
      },
    },
  };
}
