// Password reset by email, end to end against a real database and a real SMTP server on a local
// port: the link is read from the received mail. Single use, expiry, the same answer for unknown
// addresses, every session ended, rate limits, and no token or address in logs or events.
import { checkLogin, createUser } from "@/lib/services/users";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { drainMail } from "@/lib/mail/later";
import { addEventSink, type TrackedEvent } from "@/lib/observability/track";
import { systemActor, type Actor } from "@/lib/services/actor";
import {
  completePasswordReset,
  createPasswordResetLink,
  isPasswordResetTokenUsable,
  requestPasswordReset,
} from "@/lib/services/password-reset";
import { clearRateLimits } from "@/lib/services/rate-limits";
import { createSession, listSessions } from "@/lib/services/sessions";
import { db } from "@/lib/db";
import { setupTestDb } from "./helpers/db";
import { setupLogFile } from "./helpers/log-file";
import { startFakeSmtp, type FakeSmtp } from "./helpers/smtp";

setupTestDb();
const logs = setupLogFile("tt-reset-");
const events: TrackedEvent[] = [];
addEventSink((e) => events.push(e));

let smtp: FakeSmtp;
let alice: Actor;
let admin: Actor;
const NEW = "brand-new-passw0rd";

function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  smtp = await startFakeSmtp();
  const sys = systemActor("test:reset");
  const a = await createUser(sys, { username: "alice", email: "alice@example.com", password: "s3cret-password" });
  const r = await createUser(sys, {
    username: "root",
    email: "root@example.com",
    password: "s3cret-password",
    role: "admin",
  });
  alice = { id: a.id, role: a.role };
  admin = { id: r.id, role: r.role };
});
afterAll(() => smtp.close());
beforeEach(async () => {
  configure({
    SMTP_URL: smtp.url,
    SMTP_FROM: "TimeTracker <time@example.org>",
    NEXTAUTH_URL: "https://time.example.org",
    LOGIN_MAX_ATTEMPTS: undefined,
  });
  await clearRateLimits("reset:");
});
afterEach(() => configure({ SMTP_URL: undefined, SMTP_FROM: undefined, NEXTAUTH_URL: undefined }));

/** Asks for a link and returns the token from the email that arrives. */
async function resetLinkFor(email: string): Promise<{ token: string; url: string; text: string; html: string }> {
  const n = smtp.received.length + 1;
  await expect(requestPasswordReset({ email }, "198.51.100.7")).resolves.toEqual({ sent: true });
  const mail = await smtp.waitFor(n);
  expect(mail.to).toEqual([email.toLowerCase()]);
  const url = /https:\/\/time\.example\.org\/reset-password\?token=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  if (!url) throw new Error(`no link in: ${mail.text}`);
  return { token: new URL(url).searchParams.get("token")!, url, text: mail.text, html: mail.html };
}

const reset = (token: string, password = NEW) =>
  completePasswordReset({ token, newPassword: password, confirmPassword: password }, "198.51.100.7");

describe("password reset by email", () => {
  it("mails a link to NEXTAUTH_URL; using it sets the password and ends every session", async () => {
    await createSession(alice.id, "Firefox on Linux");
    await createSession(alice.id, "Safari on iPhone");
    const { sessionVersion: before } = await db().user.findUniqueOrThrow({ where: { id: alice.id } });

    const { token, url, text, html } = await resetLinkFor("Alice@Example.com");
    expect(text).toContain("works once, for 30 minutes");
    expect(html).toContain(`href="${url}"`);
    // Only the hash is stored.
    const rows = await db().passwordResetToken.findMany({ where: { userId: alice.id } });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await isPasswordResetTokenUsable(token)).toBe(true);

    await reset(token);
    expect(await checkLogin("alice", NEW)).toMatchObject({ ok: true });
    expect(await checkLogin("alice", "s3cret-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await listSessions(alice.id)).toEqual([]);
    const after = await db().user.findUniqueOrThrow({ where: { id: alice.id } });
    expect(after.sessionVersion).toBe(before + 1);
  });

  it("a link works once; a second use and every older link of the account are refused", async () => {
    const first = await resetLinkFor("alice@example.com");
    const second = await resetLinkFor("alice@example.com");
    await reset(second.token, "second-passw0rd");
    for (const t of [second.token, first.token]) {
      expect(await isPasswordResetTokenUsable(t)).toBe(false);
      const err = await reset(t, "third-passw0rd").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/invalid, was already used/) });
    }
    expect(await checkLogin("alice", "second-passw0rd")).toMatchObject({ ok: true });
  });

  it("an expired link is refused", async () => {
    const { token } = await resetLinkFor("alice@example.com");
    await db().passwordResetToken.updateMany({
      where: { userId: alice.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await isPasswordResetTokenUsable(token)).toBe(false);
    await expect(reset(token)).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("answers an unknown address exactly like a known one, and mails nothing", async () => {
    const count = smtp.received.length;
    await expect(requestPasswordReset({ email: "nobody@example.com" }, "198.51.100.7")).resolves.toEqual({
      sent: true,
    });
    await drainMail();
    expect(smtp.received.length).toBe(count);
    expect(events.filter((e) => e.event === "auth.password_reset_requested").at(-1)?.props).toEqual({
      outcome: "no_account",
    });
  });

  it("is rate-limited per typed address, known or not, with the login limit's numbers", async () => {
    configure({ LOGIN_MAX_ATTEMPTS: "2" });
    for (const email of ["alice@example.com", "ghost@example.com"]) {
      await requestPasswordReset({ email }, "198.51.100.8");
      await requestPasswordReset({ email }, "198.51.100.9");
      await expect(requestPasswordReset({ email }, "198.51.100.10")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    }
    await drainMail();
  });

  it("says so when this server cannot mail links (no SMTP_URL, or no NEXTAUTH_URL)", async () => {
    for (const off of [{ SMTP_URL: undefined }, { NEXTAUTH_URL: undefined }]) {
      configure(off);
      await expect(requestPasswordReset({ email: "alice@example.com" }, "x")).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringMatching(/cannot send email/),
      });
      configure({ SMTP_URL: smtp.url, NEXTAUTH_URL: "https://time.example.org" });
    }
  });

  it("an admin can make a link to pass on by hand; members cannot", async () => {
    await expect(createPasswordResetLink(alice, { id: admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { path } = await createPasswordResetLink(admin, { id: alice.id });
    const token = new URL(path, "http://x").searchParams.get("token")!;
    expect(await isPasswordResetTokenUsable(token)).toBe(true);
    await reset(token, "from-admin-passw0rd");
    expect(await checkLogin("alice", "from-admin-passw0rd")).toMatchObject({ ok: true });
  });

  it("writes no token and no address to the logs or the events", async () => {
    const { token } = await resetLinkFor("alice@example.com");
    await reset(token, "logged-passw0rd1");
    await drainMail();
    const lines = await logs.lines((ls) => ls.some((l) => l.analytics_event === "auth.password_reset_completed"));
    const text = JSON.stringify(lines) + JSON.stringify(events);
    expect(text).toContain("auth.password_reset_requested");
    expect(text).not.toContain(token);
    expect(text).not.toMatch(/alice@example\.com|Alice@Example\.com|198\.51\.100/i);
  });
});
