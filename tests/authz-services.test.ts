// The admin services authorize themselves: every function exported by the admin service modules
// is called directly (no action, no route in front) by a signed-in member, and must refuse with
// FORBIDDEN and change nothing. A new export that forgets assertAdmin fails here. The deliberate
// exceptions are listed below with the reason; each is still called, and must answer as listed.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { ensureInstallation } from "@/lib/services/installation";
import { changePassword, setTheme, updateProfile } from "@/lib/services/profile";
import { setupTestDb } from "./helpers/db";

setupTestDb();

const MODULES = {
  users: () => import("@/lib/services/users"),
  settings: () => import("@/lib/services/settings"),
  installation: () => import("@/lib/services/installation"),
  telemetry: () => import("@/lib/services/telemetry"),
  backup: () => import("@/lib/services/backup"),
  apiTokensAdmin: () => import("@/lib/services/api-tokens-admin"),
  email: () => import("@/lib/services/email"),
  "password-reset": () => import("@/lib/services/password-reset"),
  invitations: () => import("@/lib/services/invitations"),
  "sso-admin": () => import("@/lib/services/sso-admin"),
  "two-factor-admin": () => import("@/lib/services/two-factor-admin"),
} as const;

/** Exports that take no caller, on purpose. "any" = they may answer anything but must not write. */
const EXCEPTIONS: Record<string, { why: string; answer: "any" | "CONFLICT" }> = {
  "users#getUserById": { why: "the session check itself (lib/auth/session.ts), before any actor", answer: "any" },
  "users#checkLogin": { why: "how an actor comes to exist (lib/auth/login-guard.ts)", answer: "any" },
  "users#findAccountIdForLogin": {
    why: "login rate limits count per account before the password check (lib/auth/login-limits.ts)",
    answer: "any",
  },
  "users#rememberUser": {
    why: "the session check hands the user it loaded to getUserById (per render)",
    answer: "any",
  },
  "settings#getOrgSettings": { why: "org-wide, non-secret read every page needs", answer: "any" },
  "settings#effectiveTimezone": { why: "the user's or the org's zone, for tracker services", answer: "any" },
  "settings#orgWeekStart": { why: "the org's first weekday, for reports", answer: "any" },
  "settings#canSeeMoney": {
    why: "a read-only yes/no about the caller itself, asked by every money DTO",
    answer: "any",
  },
  "installation#ensureInstallation": { why: "creates the singleton row on first use; services only", answer: "any" },
  "installation#isSetupComplete": { why: "the setup gate (proxy, /setup) asks before anyone signs in", answer: "any" },
  "installation#setupRedirectTarget": { why: "the setup gate", answer: "any" },
  "installation#isSetupExempt": { why: "pure: which paths work before setup", answer: "any" },
  "installation#resetSetupCache": { why: "test hook for an in-process cache", answer: "any" },
  "installation#assertSetupOpen": { why: "the wizard's rule: anonymous until setup completes", answer: "CONFLICT" },
  "installation#checkSetupStep": { why: "the wizard (anonymous): CONFLICT once setup is complete", answer: "CONFLICT" },
  "installation#completeSetup": { why: "creates the first admin (anonymous): CONFLICT after", answer: "CONFLICT" },
  "password-reset#requestPasswordReset": { why: "anonymous: someone who forgot their password", answer: "any" },
  "password-reset#completePasswordReset": {
    why: "anonymous: the reset link's token is the authorization",
    answer: "any",
  },
  "password-reset#isPasswordResetTokenUsable": { why: "read-only check of a link, for its page", answer: "any" },
  "password-reset#resetPath": { why: "pure: the link's path", answer: "any" },
  "invitations#getInvitationForToken": { why: "read-only check of an invitation link, for its page", answer: "any" },
  "invitations#acceptInvitation": { why: "anonymous: the invitation link's token is the authorization", answer: "any" },
  "invitations#requestSignup": { why: "anonymous self-registration, when the org allows it", answer: "any" },
  "invitations#signUp": { why: "anonymous self-registration, when the org allows it", answer: "any" },
  "invitations#invitePath": { why: "pure: the link's path", answer: "any" },
  "telemetry#decideTelemetry": { why: "pure: env flags + opt-in → on/off", answer: "any" },
  "two-factor-admin#twoFactorRequirement": {
    why: "read-only: the policy as it applies to the caller itself (the signed-in layout)",
    answer: "any",
  },
};

let alice: Actor;
let member: Actor;

/** Everything an admin service could change, to compare before and after a refused call. */
async function snapshot() {
  const [users, settings, installation] = await Promise.all([
    db().user.findMany({ orderBy: { username: "asc" } }),
    db().organizationSettings.findMany(),
    db().installation.findMany(),
  ]);
  return JSON.stringify({ users, settings, installation });
}

// One input that would do harm to alice if a service let it through; services parse only their fields.
const HARM = {
  id: "",
  role: "admin",
  active: false,
  enabled: true,
  username: "pwned",
  email: "pwned@example.com",
  fullName: "Pwned",
  password: "pwned-passw0rd",
  newPassword: "pwned-passw0rd",
  confirmPassword: "pwned-passw0rd",
  name: "Pwned Org",
  selfRegistration: "on",
  csvDelimiter: ";",
};
const argsFor = (key: string): unknown[] =>
  key === "backup#restoreBackup" ? [Readable.from([]), {}] : [{ ...HARM, id: alice.id }];

async function outcome(run: () => unknown): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (err) {
    return err instanceof AppError ? err.code : `threw ${(err as Error)?.name}`;
  }
}

beforeAll(async () => {
  const passwordHash = await hashPassword("s3cret-password");
  const mk = (name: string, role: "admin" | "user") =>
    db().user.create({
      data: { username: name, email: `${name}@example.com`, passwordHash, role },
      select: { id: true, role: true },
    });
  alice = await mk("alice", "user");
  member = await mk("bob", "user");
  await mk("root", "admin");
  await ensureInstallation();
  await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
  await db().organizationSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
});

async function exportedFunctions(): Promise<{ key: string; fn: (...a: unknown[]) => unknown }[]> {
  const out: { key: string; fn: (...a: unknown[]) => unknown }[] = [];
  for (const [mod, load] of Object.entries(MODULES)) {
    for (const [name, value] of Object.entries(await load())) {
      if (typeof value === "function") out.push({ key: `${mod}#${name}`, fn: value as (...a: unknown[]) => unknown });
    }
  }
  return out;
}

describe("admin services called directly by a member", () => {
  it("finds the services (the enumeration works)", async () => {
    const keys = (await exportedFunctions()).map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(["users#createUser", "settings#updateOrgSettings", "backup#startBackup"]),
    );
    expect(keys.filter((k) => !(k in EXCEPTIONS)).length).toBeGreaterThanOrEqual(15);
  });

  it("lists no exception that no longer exists", async () => {
    const keys = new Set((await exportedFunctions()).map((f) => f.key));
    expect(Object.keys(EXCEPTIONS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it("every other export refuses with FORBIDDEN and changes nothing", async () => {
    const got: Record<string, string> = {};
    for (const { key, fn } of await exportedFunctions()) {
      if (key in EXCEPTIONS) continue;
      const before = await snapshot();
      got[key] = await outcome(() => fn(member, ...argsFor(key)));
      expect({ key, unchanged: (await snapshot()) === before }).toEqual({ key, unchanged: true });
    }
    expect(Object.entries(got).filter(([, o]) => o !== "FORBIDDEN")).toEqual([]);
  });

  it("the exceptions answer as listed and change nothing a member could use", async () => {
    for (const { key, fn } of await exportedFunctions()) {
      const ex = EXCEPTIONS[key];
      if (!ex) continue;
      const before = await db().user.findUniqueOrThrow({ where: { id: alice.id } });
      const got = await outcome(() => fn(member, ...argsFor(key)));
      if (ex.answer !== "any") expect({ key, got }).toEqual({ key, got: ex.answer });
      expect(await db().user.findUniqueOrThrow({ where: { id: alice.id } })).toEqual(before);
    }
  });
});

describe("profile services", () => {
  it("change only the caller's own account, whatever id the input names", async () => {
    const before = await snapshot();
    const aliceBefore = await db().user.findUniqueOrThrow({ where: { id: alice.id } });
    // Extra fields a crafted request might add: the services read only their own.
    const forAlice = { id: alice.id, userId: alice.id };
    const profile = { ...forAlice, fullName: "Bob B", email: "bob.b@example.com", timezone: "" };
    const theme = { ...forAlice, theme: "dark" as const };
    const password = {
      ...forAlice,
      currentPassword: "s3cret-password",
      newPassword: "changed-s3cret",
      confirmPassword: "changed-s3cret",
    };
    await updateProfile(member, profile);
    await setTheme(member, theme);
    await changePassword(member, password);
    expect(await db().user.findUniqueOrThrow({ where: { id: alice.id } })).toEqual(aliceBefore);
    const bob = await db().user.findUniqueOrThrow({ where: { id: member.id } });
    expect(bob).toMatchObject({ fullName: "Bob B", email: "bob.b@example.com", theme: "dark" });
    expect(await snapshot()).not.toBe(before);
  });
});

describe("systemActor", () => {
  // The admin actor without a user id is for code that runs without a request. No page, action,
  // route or component may make one, or a request could act as an administrator.
  it("is never called from app/, components/ or lib/ (only scripts/ and tests/)", () => {
    const root = path.resolve(__dirname, "..");
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
        const p = path.join(dir, d.name);
        if (d.isDirectory()) return d.name === "generated" ? [] : walk(p);
        return /\.(ts|tsx)$/.test(d.name) ? [p] : [];
      });
    const callers = ["app", "components", "lib"]
      .flatMap((d) => walk(path.join(root, d)))
      .filter((f) => !f.endsWith(path.join("lib", "services", "actor.ts")))
      .filter((f) => /\bsystemActor\s*\(/.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(callers).toEqual([]);
  });
});
