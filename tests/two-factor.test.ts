// Two-factor sign-in against a real database, with a fixed clock: TOTP window edges, replayed
// codes, single-use recovery codes, the sign-in's second step through next-auth's real credentials
// provider (no session before the code), the shared rate limit, disabling and the admin reset.
import { generateSync } from "otplib";
import { authOptions } from "@/lib/auth/options";
import { resetLoginLimiter } from "@/lib/auth/login-guard";
import { verifyTotp } from "@/lib/auth/totp";
import { issueTicket } from "@/lib/auth/two-factor-ticket";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addEventSink, type TrackedEvent } from "@/lib/observability/track";
import { systemActor, type Actor } from "@/lib/services/actor";
import { changePassword } from "@/lib/services/profile";
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
  spendSecondFactor,
} from "@/lib/services/two-factor";
import { resetUserTwoFactor, twoFactorRequirement, updateTwoFactorPolicy } from "@/lib/services/two-factor-admin";
import { enforceTwoFactorPolicy } from "@/lib/auth/two-factor-gate";
import { getUserById } from "@/lib/services/users";
import { createUser } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";
import { setupLogFile } from "./helpers/log-file";

setupTestDb();
const logs = setupLogFile("tt-2fa-");
const events: TrackedEvent[] = [];
addEventSink((e) => events.push(e));

const PASSWORD = "s3cret-password";
/** A step boundary: 1_699_999_980 s is exactly step 56_666_666. */
const T0 = 1_699_999_980_000;
const code = (secret: string, atMs: number) => generateSync({ secret: secret.replace(/ /g, ""), epoch: atMs / 1000 });

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = authOptions().providers[0].options.authorize as Authorize;
const req = {
  headers: { "x-forwarded-for": "10.9.8.7", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" },
};

async function failureOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).message;
  }
  return "no error";
}

let n = 0;
async function enrolledUser(role: "user" | "admin" = "user") {
  const u = await createUser(systemActor("test:2fa"), {
    username: `tf${++n}`,
    email: `tf${n}@example.com`,
    password: PASSWORD,
    role,
  });
  const actor: Actor = { id: u.id, role: u.role };
  const { secret } = await startTwoFactorEnrolment(actor);
  const { recoveryCodes } = await confirmTwoFactorEnrolment(actor, { code: code(secret, T0) }, T0);
  return { actor, username: u.username, secret, recoveryCodes };
}

const sessionsOf = (userId: string) => db().authSession.count({ where: { userId } });

beforeEach(() => resetLoginLimiter());

describe("enrolment", () => {
  it("shows the seed as text and as a QR code, stores it encrypted, and turns on only with a right code", async () => {
    const u = await createUser(systemActor("test:2fa"), {
      username: "enrol",
      email: "enrol@example.com",
      password: PASSWORD,
    });
    const actor: Actor = { id: u.id, role: u.role };
    const start = await startTwoFactorEnrolment(actor);
    const plain = start.secret.replace(/ /g, "");
    expect(plain).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.uri).toContain(`secret=${plain}`);
    expect(start.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(start.qr.split(",")[1], "base64").toString()).toContain("<svg");
    const row = await db().userTwoFactor.findUniqueOrThrow({ where: { userId: u.id } });
    expect(row.secret).not.toContain(plain);
    expect(row.enabledAt).toBeNull();

    const wrong = await confirmTwoFactorEnrolment(actor, { code: code(plain, T0 - 120_000) }, T0).catch((e) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).fieldErrors?.code).toBeDefined();
    expect((await getTwoFactorStatus(actor)).enabled).toBe(false);

    const { recoveryCodes } = await confirmTwoFactorEnrolment(actor, { code: code(plain, T0) }, T0);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    const stored = await db().recoveryCode.findMany({ where: { userId: u.id }, select: { codeHash: true } });
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(recoveryCodes).not.toContain(s.codeHash);
    expect(await getTwoFactorStatus(actor)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(events.some((e) => e.event === "auth.2fa_enabled" && e.distinctId === u.id)).toBe(true);
    // A second enrolment over a confirmed one is refused.
    await expect(startTwoFactorEnrolment(actor)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("TOTP codes with a fixed clock", () => {
  const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const token = code(secret, T0); // step 56_666_666: [T0, T0 + 30 s)

  it("accepts the code one step either side of its own (window edges) and refuses it outside", () => {
    const step = T0 / 30_000;
    for (const at of [T0 - 30_000, T0 - 1, T0, T0 + 29_999, T0 + 30_000, T0 + 59_999]) {
      expect(verifyTotp(secret, token, { now: at })).toBe(step);
    }
    for (const at of [T0 - 30_001, T0 + 60_000]) expect(verifyTotp(secret, token, { now: at })).toBeNull();
    expect(verifyTotp(secret, "12345", { now: T0 })).toBeNull();
    expect(verifyTotp(secret, token, { now: T0, afterStep: step })).toBeNull();
  });

  it("refuses a code used before, and an older code once a newer one was used", async () => {
    const u = await enrolledUser();
    // Enrolment used the code of T0: the same code is refused, even in its window.
    await expect(spendSecondFactor(u.actor.id, code(u.secret, T0), T0 + 5_000)).resolves.toEqual({
      ok: false,
      reason: "reused",
    });
    const next = code(u.secret, T0 + 30_000);
    await expect(spendSecondFactor(u.actor.id, next, T0 + 31_000)).resolves.toEqual({ ok: true, method: "totp" });
    await expect(spendSecondFactor(u.actor.id, next, T0 + 32_000)).resolves.toEqual({ ok: false, reason: "reused" });
    await expect(spendSecondFactor(u.actor.id, code(u.secret, T0 + 90_000), T0 + 90_000)).resolves.toMatchObject({
      ok: true,
    });
    await expect(spendSecondFactor(u.actor.id, "000000", T0 + 90_000)).resolves.toMatchObject({ ok: false });
  });

  it("accepts one of two simultaneous uses of the same code", async () => {
    const u = await enrolledUser();
    const c = code(u.secret, T0 + 30_000);
    const results = await Promise.all([1, 2, 3].map(() => spendSecondFactor(u.actor.id, c, T0 + 30_000)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});

describe("recovery codes", () => {
  it("each works once, in any spelling, and is counted down", async () => {
    const u = await enrolledUser();
    const [first] = u.recoveryCodes;
    await expect(spendSecondFactor(u.actor.id, first.toUpperCase().replace(/-/g, " "), T0)).resolves.toEqual({
      ok: true,
      method: "recovery",
    });
    await expect(spendSecondFactor(u.actor.id, first, T0)).resolves.toEqual({ ok: false, reason: "invalid" });
    expect((await getTwoFactorStatus(u.actor)).recoveryCodesLeft).toBe(9);
    expect(events.find((e) => e.event === "auth.recovery_code_used" && e.distinctId === u.actor.id)?.props).toEqual({
      remaining: 9,
    });
  });

  it("new codes replace the old ones, and need the password", async () => {
    const u = await enrolledUser();
    await expect(regenerateRecoveryCodes(u.actor, { password: "wrong-password" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    const { recoveryCodes } = await regenerateRecoveryCodes(u.actor, { password: PASSWORD });
    await expect(spendSecondFactor(u.actor.id, u.recoveryCodes[1], T0)).resolves.toMatchObject({ ok: false });
    await expect(spendSecondFactor(u.actor.id, recoveryCodes[1], T0)).resolves.toMatchObject({ ok: true });
  });
});

describe("signing in through next-auth's credentials provider", () => {
  it("a right password alone creates no session; the code then does", async () => {
    const u = await enrolledUser();
    const first = await failureOf(authorize({ login: u.username, password: PASSWORD }, req));
    expect(first).toMatch(/^TWO_FACTOR_REQUIRED:[\w-]+\.[\w-]+$/);
    expect(await sessionsOf(u.actor.id)).toBe(0);
    const ticket = first.slice("TWO_FACTOR_REQUIRED:".length);

    await expect(failureOf(authorize({ ticket, code: "000000" }, req))).resolves.toBe("TWO_FACTOR_INVALID");
    await expect(failureOf(authorize({ ticket, code: "not a code" }, req))).resolves.toBe("TWO_FACTOR_INVALID");
    await expect(
      failureOf(authorize({ ticket: "forged.ticket", code: code(u.secret, Date.now()) }, req)),
    ).resolves.toBe("TWO_FACTOR_EXPIRED");
    expect(await sessionsOf(u.actor.id)).toBe(0);

    const user = (await authorize({ ticket, code: code(u.secret, Date.now()) }, req)) as { id: string; sid: string };
    expect(user.id).toBe(u.actor.id);
    expect(await sessionsOf(u.actor.id)).toBe(1);
    // The same code again (a replay of the whole request) is refused.
    await expect(failureOf(authorize({ ticket, code: code(u.secret, Date.now()) }, req))).resolves.toBe(
      "TWO_FACTOR_INVALID",
    );
    expect(await sessionsOf(u.actor.id)).toBe(1);
  });

  it("a recovery code signs in once", async () => {
    const u = await enrolledUser();
    const ticket = (await failureOf(authorize({ login: u.username, password: PASSWORD }, req))).split(":")[1];
    await expect(authorize({ ticket, code: u.recoveryCodes[3] }, req)).resolves.toMatchObject({ id: u.actor.id });
    await expect(failureOf(authorize({ ticket, code: u.recoveryCodes[3] }, req))).resolves.toBe("TWO_FACTOR_INVALID");
  });

  it("an expired ticket, or one from before a password change, asks for the password again", async () => {
    const u = await enrolledUser();
    const old = issueTicket({ userId: u.actor.id, sessionVersion: 0 }, Date.now() - 6 * 60_000);
    await expect(failureOf(authorize({ ticket: old, code: code(u.secret, Date.now()) }, req))).resolves.toBe(
      "TWO_FACTOR_EXPIRED",
    );
    const ticket = issueTicket({ userId: u.actor.id, sessionVersion: 0 });
    await changePassword(u.actor, {
      currentPassword: PASSWORD,
      newPassword: "another-passw0rd",
      confirmPassword: "another-passw0rd",
    });
    await expect(failureOf(authorize({ ticket, code: code(u.secret, Date.now()) }, req))).resolves.toBe(
      "TWO_FACTOR_EXPIRED",
    );
    expect(await sessionsOf(u.actor.id)).toBe(0);
  });

  it("wrong codes count in the password rate limit, and re-entering the password buys no more guesses", async () => {
    process.env.LOGIN_MAX_ATTEMPTS = "3";
    resetEnvCache();
    try {
      const u = await enrolledUser();
      const signInStep = async () =>
        (await failureOf(authorize({ login: u.username, password: PASSWORD }, req))).split(":")[1];
      for (let i = 0; i < 3; i++) {
        const ticket = await signInStep();
        await expect(failureOf(authorize({ ticket, code: "000000" }, req))).resolves.toBe("TWO_FACTOR_INVALID");
      }
      // The account is now locked: the right password and the right code are refused alike.
      await expect(failureOf(authorize({ login: u.username, password: PASSWORD }, req))).resolves.toBe("RATE_LIMITED");
      const ticket = issueTicket({ userId: u.actor.id, sessionVersion: 0 });
      await expect(failureOf(authorize({ ticket, code: code(u.secret, Date.now()) }, req))).resolves.toBe(
        "RATE_LIMITED",
      );
      expect(await sessionsOf(u.actor.id)).toBe(0);
      expect(events.filter((e) => e.event === "auth.2fa_failed" && e.localOnly).length).toBeGreaterThanOrEqual(3);
    } finally {
      delete process.env.LOGIN_MAX_ATTEMPTS;
      resetEnvCache();
    }
  });

  it("an account without a second factor signs in with the password alone", async () => {
    const u = await createUser(systemActor("test:2fa"), {
      username: "plain",
      email: "plain@example.com",
      password: PASSWORD,
    });
    await expect(authorize({ login: "plain", password: PASSWORD }, req)).resolves.toMatchObject({ id: u.id });
  });
});

describe("turning it off", () => {
  it("needs the password and a code; afterwards the password alone signs in", async () => {
    const u = await enrolledUser();
    const now = T0 + 60_000;
    await expect(
      disableTwoFactor(u.actor, { password: "wrong", code: code(u.secret, now) }, now),
    ).rejects.toMatchObject({
      fieldErrors: { password: expect.any(Array) },
    });
    await expect(disableTwoFactor(u.actor, { password: PASSWORD, code: "123456" }, now)).rejects.toMatchObject({
      fieldErrors: { code: expect.any(Array) },
    });
    await disableTwoFactor(u.actor, { password: PASSWORD, code: code(u.secret, now) }, now);
    expect(await getTwoFactorStatus(u.actor)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await db().recoveryCode.count({ where: { userId: u.actor.id } })).toBe(0);
    await expect(authorize({ login: u.username, password: PASSWORD }, req)).resolves.toMatchObject({ id: u.actor.id });
  });

  it("an admin (or the CLI) can reset someone's second factor; a member cannot", async () => {
    const u = await enrolledUser();
    const admin = await enrolledUser("admin");
    await expect(resetUserTwoFactor(u.actor, { id: admin.actor.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetUserTwoFactor(admin.actor, { id: u.actor.id })).resolves.toEqual({ reset: true });
    await expect(resetUserTwoFactor(systemActor("cli:user-reset-2fa"), { id: admin.actor.id })).resolves.toEqual({
      reset: true,
    });
    expect((await getTwoFactorStatus(u.actor)).enabled).toBe(false);
    expect(events.filter((e) => e.event === "auth.2fa_disabled").map((e) => e.props.by)).toEqual(
      expect.arrayContaining(["admin", "cli"]),
    );
  });
});

describe("the organization's policy", () => {
  const DAY = 24 * 3600_000;
  const redirectOf = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (err: { digest?: string }) => String(err?.digest ?? err),
    );
  afterEach(() => updateTwoFactorPolicy(systemActor("test:2fa"), { policy: "off", graceDays: 7 }));

  it("covers admins or everyone; counts down the grace period, then sends them to enrolment", async () => {
    const sys = systemActor("test:2fa");
    const member = await createUser(sys, { username: "pmember", email: "pm@example.com", password: PASSWORD });
    const boss = await createUser(sys, {
      username: "padmin",
      email: "pa@example.com",
      password: PASSWORD,
      role: "admin",
    });
    const enrolled = await enrolledUser("admin");
    const enrolledDto = (await getUserById(enrolled.actor.id))!;

    await updateTwoFactorPolicy(sys, { policy: "admins", graceDays: 7 });
    const now = new Date();
    expect(await twoFactorRequirement(member, now)).toMatchObject({ required: false });
    const soon = await twoFactorRequirement(boss, now);
    expect(soon.required).toBe(true);
    expect(soon.overdue).toBe(false);
    expect(Math.round((soon.deadline!.getTime() - now.getTime()) / DAY)).toBe(7);
    expect(await twoFactorRequirement(enrolledDto, now)).toMatchObject({ required: false });
    // Within the grace period every page opens (the layout shows the countdown instead).
    await expect(redirectOf(enforceTwoFactorPolicy(boss, "/entries"))).resolves.toBeNull();
    // Once it is over: overdue, and every page but the enrolment page redirects there.
    expect(await twoFactorRequirement(boss, new Date(now.getTime() + 8 * DAY))).toMatchObject({ overdue: true });

    await updateTwoFactorPolicy(sys, { policy: "everyone", graceDays: 0 });
    expect(await twoFactorRequirement(member)).toMatchObject({ required: true, overdue: true });
    await expect(redirectOf(enforceTwoFactorPolicy(member, "/entries"))).resolves.toMatch(
      /NEXT_REDIRECT.*\/profile\/security\?required=1/,
    );
    await expect(redirectOf(enforceTwoFactorPolicy(member, "/profile/security"))).resolves.toBeNull();
    await expect(redirectOf(enforceTwoFactorPolicy(enrolledDto, "/entries"))).resolves.toBeNull();
  });

  it("only admins set it, within 0 to 365 days", async () => {
    const member = await createUser(systemActor("test:2fa"), {
      username: "pzed",
      email: "pz@example.com",
      password: PASSWORD,
    });
    await expect(updateTwoFactorPolicy(member, { policy: "everyone", graceDays: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      updateTwoFactorPolicy(systemActor("test:2fa"), { policy: "everyone", graceDays: 999 }),
    ).rejects.toThrow();
  });
});

it("no seed, code or recovery code reaches the logs or the events", async () => {
  const u = await enrolledUser();
  const ticket = (await failureOf(authorize({ login: u.username, password: PASSWORD }, req))).split(":")[1];
  await failureOf(authorize({ ticket, code: u.recoveryCodes[0] }, req));
  const text = JSON.stringify(
    await logs.lines((ls) => ls.some((l) => l.analytics_event === "auth.recovery_code_used")),
  );
  const all = text + JSON.stringify(events);
  expect(text).toContain("auth.recovery_code_used");
  for (const secret of [u.secret.replace(/ /g, ""), ...u.recoveryCodes, ticket, PASSWORD]) {
    expect(all).not.toContain(secret);
  }
});
