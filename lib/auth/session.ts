// requireUser()/requireAdmin(): called INSIDE every action, route handler and page that needs a
// user. They read the signed session token and re-check the account AND its session row in the
// database each time (one statement), so signing out, "sign out everywhere", deactivation or a
// changed password end the session at once, copies of the cookie included.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isHttpsOrigin, publicOrigin } from "@/lib/security/public-origin";
import { getSessionUser, touchSession } from "@/lib/services/sessions";
import type { UserDto } from "@/lib/services/users";
import { authOptions } from "./options";

export type SessionUser = UserDto;

// Once per render: the layout and the page both ask (React cache: a server render only, never across
// requests, and not inside a server action, which runs outside a render).
const verifiedUser = cache(async function verifiedUser(): Promise<SessionUser | null> {
  const { getToken } = await import("next-auth/jwt");
  const { headers } = await import("next/headers");
  const { NextRequest } = await import("next/server");
  const h = await headers();
  // getToken reads the session cookie (and nothing else) from a request: the incoming headers carry it.
  const req = new NextRequest("http://localhost/", { headers: h });
  // The cookie's name follows the public origin's scheme, exactly as when next-auth set it.
  const secureCookie = isHttpsOrigin(publicOrigin(h, env().NEXTAUTH_URL));
  const token = await getToken({ req, secret: authOptions().secret, secureCookie });
  // A token without a session id predates server-side sessions: it cannot be revoked, so it is refused.
  if (!token?.sub || typeof token.sid !== "string") return null;
  const found = await getSessionUser(token.sub, token.sid);
  if (!found) return null;
  const { user, session } = found;
  if (!user.active || user.sessionVersion !== Number(token.sv ?? -1)) return null;
  await touchSession(session);
  return user;
});

/** The id of this browser's session row (the token's sid), or null; for the sessions page. */
export const currentSessionId = cache(async function currentSessionId(): Promise<string | null> {
  const { getToken } = await import("next-auth/jwt");
  const { headers } = await import("next/headers");
  const { NextRequest } = await import("next/server");
  const h = await headers();
  const req = new NextRequest("http://localhost/", { headers: h });
  const secureCookie = isHttpsOrigin(publicOrigin(h, env().NEXTAUTH_URL));
  const token = await getToken({ req, secret: authOptions().secret, secureCookie });
  return typeof token?.sid === "string" ? token.sid : null;
});

/** The signed-in, active user, or AppError UNAUTHENTICATED. */
export async function requireUser(): Promise<SessionUser> {
  const user = await verifiedUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  return user;
}

/** The signed-in admin, or AppError UNAUTHENTICATED / FORBIDDEN. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do that.");
  return user;
}

/** Like requireUser, but null instead of throwing. */
export async function optionalUser(): Promise<SessionUser | null> {
  return verifiedUser();
}

/** For pages: the signed-in user, or a redirect to the login page. */
export async function userOrRedirect(): Promise<SessionUser> {
  const user = await verifiedUser();
  if (!user) redirect("/login");
  return user;
}

/** For admin pages: the signed-in admin; a redirect to login when signed out; for anyone else
 * forbidden(), which renders app/(app)/admin/forbidden.tsx with HTTP status 403. */
export async function adminOrForbidden(): Promise<SessionUser> {
  const user = await userOrRedirect();
  if (user.role !== "admin") forbidden();
  return user;
}
