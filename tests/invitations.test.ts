// Invitations and self-registration against a real database and a real SMTP server on a local
// port: the links are read from the received mail; single use, expiry, revocation, the domain list.
import { resetEnvCache } from "@/lib/env";
import { drainMail } from "@/lib/mail/later";
import { systemActor, type Actor } from "@/lib/services/actor";
import {
  acceptInvitation,
  createInvitation,
  getInvitationForToken,
  listInvitations,
  requestSignup,
  revokeInvitation,
  setSignupDomains,
  signUp,
} from "@/lib/services/invitations";
import { clearRateLimits } from "@/lib/services/rate-limits";
import { updateOrgSettings } from "@/lib/services/settings";
import { checkLogin, createUser } from "@/lib/services/users";
import { db } from "@/lib/db";
import { setupTestDb } from "./helpers/db";
import { startFakeSmtp, type FakeSmtp } from "./helpers/smtp";

setupTestDb();
let smtp: FakeSmtp;
let admin: Actor;
let member: Actor;
const PW = "welcome-passw0rd";
const sys = systemActor("test:invitations");

function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}
const withMail = () =>
  configure({ SMTP_URL: smtp.url, SMTP_FROM: "TT <tt@example.org>", NEXTAUTH_URL: "https://time.example.org" });
const withoutMail = () => configure({ SMTP_URL: undefined, SMTP_FROM: undefined, NEXTAUTH_URL: undefined });

beforeAll(async () => {
  smtp = await startFakeSmtp();
  const a = await createUser(sys, { username: "root", email: "root@example.com", password: PW, role: "admin" });
  const m = await createUser(sys, { username: "mia", email: "mia@example.com", password: PW });
  admin = { id: a.id, role: a.role };
  member = { id: m.id, role: m.role };
});
afterAll(() => smtp.close());
beforeEach(() => clearRateLimits("signup:"));
afterEach(withoutMail);

const tokenOf = (pathOrUrl: string) => new URL(pathOrUrl, "http://x").searchParams.get("token")!;
const accept = (token: string, username: string) =>
  acceptInvitation({ token, username, fullName: "New Person", newPassword: PW, confirmPassword: PW }, "192.0.2.1");

describe("invitations", () => {
  it("mails a link; the invitee picks a username and password and gets the invited role, once", async () => {
    withMail();
    const n = smtp.received.length + 1;
    const res = await createInvitation(admin, { email: "Carol@Example.com", role: "admin" });
    expect(res.emailed).toBe(true);
    const mail = await smtp.waitFor(n);
    expect(mail.to).toEqual(["carol@example.com"]);
    expect(mail.text).toContain("as an administrator");
    const url = /https:\/\/time\.example\.org\/invite\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(url).toBeDefined();
    const token = tokenOf(url!);
    expect(tokenOf(res.path)).toBe(token);
    expect(await getInvitationForToken(token)).toEqual({ email: "carol@example.com", role: "admin" });
    expect((await listInvitations(admin)).map((i) => i.email)).toContain("carol@example.com");

    const { userId } = await accept(token, "carol");
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({
      username: "carol",
      email: "carol@example.com",
      role: "admin",
      fullName: "New Person",
    });
    expect(await checkLogin("carol", PW)).toMatchObject({ ok: true });
    await expect(accept(token, "carol2")).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await getInvitationForToken(token)).toBeNull();
    expect((await listInvitations(admin)).map((i) => i.email)).not.toContain("carol@example.com");
  });

  it("without email gives the admin the link to copy; a taken username leaves the link usable", async () => {
    const before = smtp.received.length;
    const res = await createInvitation(admin, { email: "dan@example.com" });
    expect(res).toMatchObject({ emailed: false, path: expect.stringMatching(/^\/invite\?token=/) });
    expect(smtp.received.length).toBe(before);
    const token = tokenOf(res.path);
    await expect(accept(token, "mia")).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { username: [expect.any(String)] },
    });
    await expect(accept(token, "dan")).resolves.toMatchObject({ userId: expect.any(String) });
  });

  it("refuses an address that has an account, revoked and expired links, and members", async () => {
    await expect(createInvitation(admin, { email: "mia@example.com" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createInvitation(member, { email: "x@example.com" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const revoked = await createInvitation(admin, { email: "erin@example.com" });
    const [open] = (await listInvitations(admin)).filter((i) => i.email === "erin@example.com");
    await revokeInvitation(admin, { id: open.id });
    await expect(accept(tokenOf(revoked.path), "erin")).rejects.toMatchObject({ code: "VALIDATION" });

    const expired = await createInvitation(admin, { email: "erin@example.com" });
    await db().invitation.updateMany({
      where: { email: "erin@example.com", revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(accept(tokenOf(expired.path), "erin")).rejects.toMatchObject({ code: "VALIDATION" });

    // A new invitation replaces the open one.
    const first = await createInvitation(admin, { email: "finn@example.com" });
    const second = await createInvitation(admin, { email: "finn@example.com" });
    expect(await getInvitationForToken(tokenOf(first.path))).toBeNull();
    await expect(accept(tokenOf(second.path), "finn")).resolves.toBeDefined();
  });
});

describe("self-registration", () => {
  afterEach(() => updateOrgSettings(sys, { selfRegistration: false, signupDomains: "" }));

  it("is closed unless the organization allows it", async () => {
    await expect(
      signUp({ email: "gus@example.com", username: "gus", newPassword: PW, confirmPassword: PW }, "192.0.2.2"),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("without email: creates a user-role account at once, within the allowed domains only", async () => {
    await updateOrgSettings(sys, { selfRegistration: true });
    await setSignupDomains(admin, { signupDomains: "Example.com, @corp.example" });
    const s = await db().organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(s.signupDomains).toBe("example.com,corp.example");
    await expect(
      signUp({ email: "gus@elsewhere.org", username: "gus", newPassword: PW, confirmPassword: PW }, "192.0.2.2"),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { email: [expect.stringMatching(/example\.com/)] } });
    const { userId } = await signUp(
      { email: "gus@corp.example", username: "gus", newPassword: PW, confirmPassword: PW },
      "192.0.2.2",
    );
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ role: "user" });
    await expect(setSignupDomains(member, { signupDomains: "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps the allowed domains when other settings are saved (the settings form does not send them)", async () => {
    await setSignupDomains(admin, { signupDomains: "example.com" });
    await updateOrgSettings(admin, { name: "Renamed", selfRegistration: true });
    const s = await db().organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(s).toMatchObject({ name: "Renamed", selfRegistration: true, signupDomains: "example.com" });
  });

  it("with email: mails a link first, and nothing to an address that has an account", async () => {
    withMail();
    await updateOrgSettings(sys, { selfRegistration: true });
    const n = smtp.received.length;
    await expect(requestSignup({ email: "mia@example.com" }, "192.0.2.3")).resolves.toEqual({ sent: true });
    await expect(requestSignup({ email: "hana@example.com" }, "192.0.2.3")).resolves.toEqual({ sent: true });
    await drainMail();
    const mail = await smtp.waitFor(n + 1);
    expect(smtp.received.length).toBe(n + 1);
    expect(mail.to).toEqual(["hana@example.com"]);
    const token = tokenOf(/https:\/\/\S+/.exec(mail.text)![0]);
    const { userId } = await accept(token, "hana");
    expect(await db().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email: "hana@example.com",
      role: "user",
    });
    // With email on, the unverified one-step form is refused.
    await expect(
      signUp({ email: "ivy@example.com", username: "ivy", newPassword: PW, confirmPassword: PW }, "192.0.2.3"),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
