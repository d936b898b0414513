// Single sign-on account rules against a real database: which account an OpenID Connect identity
// becomes (linked issuer + sub, verified email, just-in-time creation), what is refused, and the
// admin role from a groups claim. The id token itself is checked by next-auth (e2e/sso.spec.ts).
import { db } from "@/lib/db";
import { systemActor } from "@/lib/services/actor";
import { updateOrgSettings } from "@/lib/services/settings";
import { resolveSsoLogin, type SsoClaims } from "@/lib/services/sso";
import { checkLogin, createUser, setUserActive } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";

setupTestDb();
const sys = systemActor("test:sso");
const ISS = "https://id.example.org/realms/acme";
const PW = "local-passw0rd";

const claims = (sub: string, extra: Partial<SsoClaims> = {}): SsoClaims => ({
  issuer: ISS,
  sub,
  email: `${sub}@example.org`,
  emailVerified: true,
  ...extra,
});

async function settings(s: Parameters<typeof updateOrgSettings>[1]) {
  await updateOrgSettings(sys, s);
}

beforeEach(() => settings({ ssoLinkBy: "email", ssoJitEnabled: false, ssoDefaultRole: "user" }));

describe("linking by verified email (the default)", () => {
  it("links an existing account by its verified email, then by issuer + sub even after the email changes", async () => {
    const u = await createUser(sys, { username: "ana", email: "ana@example.org", password: PW });
    const first = await resolveSsoLogin(claims("ana-sub", { email: "Ana@Example.org" }));
    expect(first).toMatchObject({ ok: true, how: "matched_email", user: { id: u.id } });
    const again = await resolveSsoLogin(claims("ana-sub", { email: "ana.new@example.org", emailVerified: false }));
    expect(again).toMatchObject({ ok: true, how: "linked", user: { id: u.id } });
    // The password still works: SSO adds a way in, it does not replace the account.
    expect((await checkLogin("ana", PW)).ok).toBe(true);
  });

  it("refuses an unverified email, and does not link the account", async () => {
    const u = await createUser(sys, { username: "ben", email: "ben@example.org", password: PW });
    for (const emailVerified of [false, undefined, "false"]) {
      expect(await resolveSsoLogin(claims("ben-sub", { email: "ben@example.org", emailVerified }))).toEqual({
        ok: false,
        code: "SSO_EMAIL_UNVERIFIED",
      });
    }
    const row = await db().user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.ssoSubject).toBeNull();
  });

  it("never re-points an account already linked to another identity", async () => {
    await createUser(sys, { username: "cid", email: "cid@example.org", password: PW });
    expect((await resolveSsoLogin(claims("cid-sub", { email: "cid@example.org" }))).ok).toBe(true);
    expect(await resolveSsoLogin(claims("someone-else", { email: "cid@example.org" }))).toEqual({
      ok: false,
      code: "SSO_LINKED_ELSEWHERE",
    });
  });

  it("refuses an unknown person when just-in-time creation is off", async () => {
    const before = await db().user.count();
    expect(await resolveSsoLogin(claims("nobody"))).toEqual({ ok: false, code: "SSO_NO_ACCOUNT" });
    expect(await db().user.count()).toBe(before);
  });

  it("refuses a deactivated account, linked or matched by email", async () => {
    const u = await createUser(sys, { username: "dora", email: "dora@example.org", password: PW });
    await setUserActive(sys, { id: u.id, active: false });
    expect(await resolveSsoLogin(claims("dora-sub", { email: "dora@example.org" }))).toEqual({
      ok: false,
      code: "INACTIVE",
    });
    await db().user.update({ where: { id: u.id }, data: { ssoIssuer: ISS, ssoSubject: "dora-sub" } });
    expect(await resolveSsoLogin(claims("dora-sub"))).toEqual({ ok: false, code: "INACTIVE" });
  });
});

describe("linking by subject only", () => {
  beforeEach(() => settings({ ssoLinkBy: "subject", ssoJitEnabled: true }));

  it("does not take over a local account with the same email (even verified)", async () => {
    const u = await createUser(sys, { username: "eve", email: "eve@example.org", password: PW });
    expect(await resolveSsoLogin(claims("eve-sub", { email: "eve@example.org" }))).toEqual({
      ok: false,
      code: "SSO_EMAIL_TAKEN",
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: u.id } })).ssoSubject).toBeNull();
  });

  it("creates accounts from an unverified email (the subject is the identity), never from none", async () => {
    expect(await resolveSsoLogin(claims("nia-sub", { emailVerified: undefined }))).toMatchObject({
      ok: true,
      how: "created",
      user: { email: "nia-sub@example.org" },
    });
    expect(await resolveSsoLogin(claims("ora-sub", { email: undefined }))).toEqual({
      ok: false,
      code: "SSO_EMAIL_UNVERIFIED",
    });
  });

  it("the same sub at another issuer is another person", async () => {
    const a = await resolveSsoLogin(claims("shared-sub", { email: "one@example.org" }));
    const b = await resolveSsoLogin({
      ...claims("shared-sub", { email: "two@example.org" }),
      issuer: "https://other.example",
    });
    expect(a.ok && b.ok && a.user.id !== b.user.id).toBe(true);
  });
});

describe("just-in-time creation", () => {
  beforeEach(() => settings({ ssoJitEnabled: true, ssoDefaultRole: "user" }));

  it("creates an account with the default role, a username from the claims, and no usable password", async () => {
    const res = await resolveSsoLogin(claims("fay-sub", { preferredUsername: "fay smith!", name: "Fay Smith" }));
    expect(res).toMatchObject({
      ok: true,
      how: "created",
      user: { username: "faysmith", role: "user", fullName: "Fay Smith" },
    });
    const row = await db().user.findUniqueOrThrow({ where: { email: "fay-sub@example.org" } });
    expect(row).toMatchObject({ ssoIssuer: ISS, ssoSubject: "fay-sub" });
    expect((await checkLogin("faysmith", "!sso-only")).ok).toBe(false);
    // Signing in again is the same account.
    expect(await resolveSsoLogin(claims("fay-sub"))).toMatchObject({ ok: true, how: "linked", user: { id: row.id } });
  });

  it("picks a free username when the wanted one is taken", async () => {
    await createUser(sys, { username: "gus", email: "gus-local@example.org", password: PW });
    const res = await resolveSsoLogin(claims("gus-sub", { preferredUsername: "gus" }));
    expect(res.ok && res.user.username).toMatch(/^gus-[0-9a-f]{6}$/);
  });

  it("uses the configured default role", async () => {
    await settings({ ssoDefaultRole: "admin" });
    expect(await resolveSsoLogin(claims("hal-sub"))).toMatchObject({ ok: true, user: { role: "admin" } });
  });

  it("refuses to create an account from an unverified or missing email", async () => {
    expect(await resolveSsoLogin(claims("ivy-sub", { emailVerified: false }))).toEqual({
      ok: false,
      code: "SSO_EMAIL_UNVERIFIED",
    });
    expect(await resolveSsoLogin(claims("jon-sub", { email: undefined }))).toEqual({
      ok: false,
      code: "SSO_EMAIL_UNVERIFIED",
    });
    expect(await db().user.count({ where: { ssoSubject: { in: ["ivy-sub", "jon-sub"] } } })).toBe(0);
  });
});

describe("admin role from a groups claim", () => {
  const policy = { adminGroup: "tt-admins" };
  beforeEach(() => settings({ ssoJitEnabled: true }));

  it("promotes a member of the group and demotes an admin who left it, ending their other sessions", async () => {
    await createUser(sys, { username: "keeper", email: "keeper@example.org", password: PW, role: "admin" });
    const created = await resolveSsoLogin(claims("kim-sub", { groups: ["staff", "tt-admins"] }), policy);
    expect(created).toMatchObject({ ok: true, user: { role: "admin" } });
    const sv = created.ok ? created.user.sessionVersion : -1;
    const left = await resolveSsoLogin(claims("kim-sub", { groups: "staff" }), policy);
    expect(left).toMatchObject({ ok: true, user: { role: "user", sessionVersion: sv + 1 } });
    const back = await resolveSsoLogin(claims("kim-sub", { groups: "tt-admins" }), policy);
    expect(back).toMatchObject({ ok: true, user: { role: "admin", sessionVersion: sv + 2 } });
  });

  it("never demotes the last active administrator", async () => {
    await db().user.updateMany({ where: { role: "admin" }, data: { role: "user" } });
    const made = await resolveSsoLogin(claims("lea-sub", { groups: ["tt-admins"] }), policy);
    expect(made).toMatchObject({ ok: true, user: { role: "admin" } });
    expect(await resolveSsoLogin(claims("lea-sub", { groups: [] }), policy)).toMatchObject({
      ok: true,
      user: { role: "admin" },
    });
  });

  it("without a configured group, roles are left as the admin set them", async () => {
    const u = await createUser(sys, { username: "max", email: "max@example.org", password: PW, role: "admin" });
    expect(await resolveSsoLogin(claims("max-sub", { email: "max@example.org", groups: [] }))).toMatchObject({
      ok: true,
      user: { id: u.id, role: "admin" },
    });
  });
});
