// Sets "who is calling" for server actions and route handlers under Jest: a real next-auth JWT,
// signed with the test secret by next-auth's own encode(), served through a stand-in for
// next/headers (Next's request plumbing — our auth and database code run unmocked).
import { encode } from "next-auth/jwt";
import { createSession } from "@/lib/services/sessions";
import { getUserById } from "@/lib/services/users";

export const TEST_SECRET = "authz-matrix-test-secret-0123456789abcdef";
export const COOKIE = "next-auth.session-token";

const g = globalThis as unknown as { __ttTestCookies?: Record<string, string> };

export function currentCookies(): Record<string, string> {
  return g.__ttTestCookies ?? {};
}

/** Signs in as this user for the following calls (null = anonymous). */
export async function actAs(userId: string | null): Promise<string> {
  if (!userId) {
    g.__ttTestCookies = {};
    return "";
  }
  const u = await getUserById(userId);
  if (!u) throw new Error(`actAs: no user ${userId}`);
  // A real session row, as a sign-in creates: tokens name it (sid) and are refused without one.
  const sid = await createSession(u.id, "Jest");
  const token = await encode({ token: { sub: u.id, role: u.role, sv: u.sessionVersion, sid }, secret: TEST_SECRET });
  g.__ttTestCookies = { [COOKIE]: token };
  return `${COOKIE}=${token}`;
}

/** The next/headers stand-in (used from jest.mock in the test files). */
export function nextHeadersMock() {
  const jar = () => {
    const c = (globalThis as typeof g).__ttTestCookies ?? {};
    return {
      getAll: () => Object.entries(c).map(([name, value]) => ({ name, value })),
      get: (name: string) => (name in c ? { name, value: c[name] } : undefined),
      has: (name: string) => name in c,
      set: () => undefined,
      delete: () => undefined,
    };
  };
  const hdrs = () => {
    const c = (globalThis as typeof g).__ttTestCookies ?? {};
    const h = new Headers();
    const cookie = Object.entries(c)
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
    if (cookie) h.set("cookie", cookie);
    return h;
  };
  return { cookies: async () => jar(), headers: async () => hdrs(), draftMode: async () => ({ isEnabled: false }) };
}
