// requireUser()/requireAdmin(): called INSIDE every action, route handler and page that needs a
// user. They read the signed session token and re-check the account in the database each time, so
// a deactivated user or a changed password ends old sessions at once.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { getUserById, type UserDto } from "@/lib/services/users";
import { authOptions } from "./options";

export type SessionUser = UserDto;

// Once per render: the layout and the page both ask (React cache: a server render only, never across
// requests, and not inside a server action, which runs outside a render).
const verifiedUser = cache(async function verifiedUser(): Promise<SessionUser | null> {
  const { getToken } = await import("next-auth/jwt");
  const { cookies, headers } = await import("next/headers");
  const [c, h] = await Promise.all([cookies(), headers()]);
  const req = {
    headers: Object.fromEntries(h.entries()),
    cookies: Object.fromEntries(c.getAll().map((x) => [x.name, x.value])),
  };
  const token = await getToken({ req: req as never, secret: authOptions().secret });
  if (!token?.sub) return null;
  const user = await getUserById(token.sub);
  if (!user || !user.active || user.sessionVersion !== Number(token.sv ?? -1)) return null;
  return user;
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
