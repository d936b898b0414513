// Server-side sessions through the real next-auth route and requireUser(), against a real database:
// signing out ends the session for copies of the cookie too; "sign out everywhere" ends them all.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { resetEnvCache } from "@/lib/env";
import { systemActor } from "@/lib/services/actor";
import { createUser } from "@/lib/services/users";
import * as auth from "@/app/api/auth/[...nextauth]/route";
import { setupTestDb } from "./helpers/db";

const sys = systemActor("test:sessions");
import { TEST_SECRET } from "./authz/session";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

const db = setupTestDb();
const g = globalThis as unknown as { __ttTestCookies?: Record<string, string> };
const PASSWORD = "s3cret-password";

beforeEach(async () => {
  resetEnvCache();
  await db.current().truncate();
});

/** One browser: its own cookie jar, talking to the next-auth route handler. */
function browser(ua = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0") {
  const jar: Record<string, string> = {};
  const send = async (method: string, action: string[], body?: Record<string, string>) => {
    const headers: Record<string, string> = {
      cookie: Object.entries(jar)
        .map(([k, v]) => `${k}=${v}`)
        .join("; "),
      "user-agent": ua,
      "x-forwarded-for": "192.0.2.10",
    };
    if (body) headers["content-type"] = "application/x-www-form-urlencoded";
    // next/headers (stood in for here) sees the same cookies as the request.
    g.__ttTestCookies = { ...jar };
    const req = new NextRequest(`http://localhost/api/auth/${action.join("/")}`, {
      method,
      headers,
      body: body ? new URLSearchParams(body).toString() : undefined,
    });
    const handler = method === "GET" ? auth.GET : auth.POST;
    const res = await handler(req as never, { params: Promise.resolve({ nextauth: action }) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (value === "" || /max-age=0/i.test(line)) delete jar[pair.slice(0, eq)];
      else jar[pair.slice(0, eq)] = decodeURIComponent(value);
    }
    return res;
  };
  const csrf = async () => ((await (await send("GET", ["csrf"])).json()) as { csrfToken: string }).csrfToken;
  return {
    jar,
    async signIn(login: string) {
      await send("POST", ["callback", "credentials"], {
        csrfToken: await csrf(),
        login,
        password: PASSWORD,
        json: "true",
      });
      const name = Object.keys(jar).find((k) => k.endsWith("next-auth.session-token"));
      if (!name) throw new Error("sign-in failed");
      return { [name]: jar[name] };
    },
    async signOut() {
      return send("POST", ["signout"], { csrfToken: await csrf(), json: "true" });
    },
  };
}

async function userWith(cookies: Record<string, string>) {
  g.__ttTestCookies = cookies;
  return requireUser().catch((e: unknown) => e);
}

describe("server-side sessions", () => {
  it("a copied session cookie stops working when its browser signs out", async () => {
    const alice = await createUser(sys, { username: "alice", email: "alice@example.com", password: PASSWORD });
    const b = browser();
    const copied = await b.signIn("alice");
    expect(await userWith(copied)).toMatchObject({ id: alice.id });
    const out = await b.signOut();
    expect(out.status).toBe(200);
    // The browser's own cookie is gone; the copy made before is refused by the server.
    expect(Object.keys(b.jar).some((k) => k.endsWith("session-token"))).toBe(false);
    const err = await userWith(copied);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("UNAUTHENTICATED");
  });

  it("signing out one browser leaves the account's other sessions alone", async () => {
    await createUser(sys, { username: "alice", email: "alice@example.com", password: PASSWORD });
    const laptop = browser();
    const phone = browser("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1");
    await laptop.signIn("alice");
    const phoneCookie = await phone.signIn("alice@example.com");
    await laptop.signOut();
    expect(await userWith(phoneCookie)).toMatchObject({ username: "alice" });
  });

  it("sign out everywhere ends every session of the account, and no one else's", async () => {
    const { signOutEverywhereAction } = await import("@/app/(app)/profile/actions");
    await createUser(sys, { username: "alice", email: "alice@example.com", password: PASSWORD });
    await createUser(sys, { username: "bob", email: "bob@example.com", password: PASSWORD });
    const a1 = await browser().signIn("alice");
    const a2 = await browser().signIn("alice");
    const bob = await browser().signIn("bob");
    g.__ttTestCookies = a1;
    await expect(signOutEverywhereAction({})).resolves.toEqual({ ok: true, data: { ended: 2 } });
    for (const c of [a1, a2]) expect(await userWith(c)).toBeInstanceOf(AppError);
    expect(await userWith(bob)).toMatchObject({ username: "bob" });
    // Signing in again works as usual.
    expect(await userWith(await browser().signIn("alice"))).toMatchObject({ username: "alice" });
  });

  it("records a coarse device label and no address", async () => {
    const alice = await createUser(sys, { username: "alice", email: "alice@example.com", password: PASSWORD });
    await browser().signIn("alice");
    const rows = await db.current().conn.raw.query<Record<string, unknown>>(`SELECT * FROM sessions`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: alice.id, device_label: "Firefox on Linux", revoked_at: null });
    expect(JSON.stringify(rows)).not.toContain("192.0.2.10");
  });

  it("refuses a validly signed token that names no session (issued before sessions existed)", async () => {
    const alice = await createUser(sys, { username: "alice", email: "alice@example.com", password: PASSWORD });
    const token = await encode({
      token: { sub: alice.id, role: "user", sv: alice.sessionVersion },
      secret: TEST_SECRET,
    });
    expect(await userWith({ "next-auth.session-token": token })).toBeInstanceOf(AppError);
  });
});
