// Accounts against a real database: creation, login by username or email, deactivation, limits
// (counted in the database, per account and per client address).
import { attemptLogin, resetLoginLimiter } from "@/lib/auth/login-guard";
import { AppError } from "@/lib/errors";
import { resetEnvCache } from "@/lib/env";
import { systemActor } from "@/lib/services/actor";
import { changePassword, updateProfile } from "@/lib/services/profile";
import { createUser, getUserById, setUserActive } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";

const db = setupTestDb();

beforeEach(async () => {
  process.env.LOGIN_MAX_ATTEMPTS = "3";
  process.env.LOGIN_MAX_ATTEMPTS_PER_ADDRESS = "5";
  resetEnvCache();
  await resetLoginLimiter();
  await db.current().truncate();
});

const sys = systemActor("test:accounts");
const alice = { username: "alice", email: "Alice@Example.com", password: "s3cret-password" };

describe("accounts", () => {
  it("creates a user without exposing the password hash", async () => {
    const u = await createUser(sys, alice);
    expect(u.email).toBe("alice@example.com");
    expect(u.role).toBe("user");
    expect(Object.keys(u)).not.toContain("passwordHash");
  });

  it("rejects a duplicate username with a clear conflict", async () => {
    await createUser(sys, alice);
    const err = await createUser(sys, { ...alice, email: "other@example.com" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
  });

  it("rejects a weak password with the rule spelled out", async () => {
    await expect(createUser(sys, { ...alice, password: "short" })).rejects.toThrow(/at least 10 characters/);
  });

  it("signs in by username or by email", async () => {
    await createUser(sys, alice);
    await expect(attemptLogin("alice", alice.password, "1.1.1.1")).resolves.toMatchObject({ ok: true });
    await expect(attemptLogin("ALICE@example.com", alice.password, "1.1.1.1")).resolves.toMatchObject({ ok: true });
  });

  it("gives the same answer for a wrong password and an unknown user", async () => {
    await createUser(sys, alice);
    await expect(attemptLogin("alice", "wrong-password1", "1.1.1.1")).resolves.toEqual({ ok: false, code: "INVALID" });
    await expect(attemptLogin("nobody", "wrong-password1", "1.1.1.2")).resolves.toEqual({ ok: false, code: "INVALID" });
  });

  it("tells a deactivated user so, only when the password is right", async () => {
    const u = await createUser(sys, alice);
    await setUserActive(sys, { id: u.id, active: false });
    await expect(attemptLogin("alice", alice.password, "1.1.1.1")).resolves.toEqual({ ok: false, code: "INACTIVE" });
    await expect(attemptLogin("alice", "wrong-password1", "1.1.1.1")).resolves.toEqual({ ok: false, code: "INVALID" });
  });

  it("rate-limits a username after repeated failures, even with the right password", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 3; i++) await attemptLogin("alice", "wrong-password1", `10.0.0.${i}`);
    await expect(attemptLogin("alice", alice.password, "10.0.0.99")).resolves.toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("counts per account, not per spelling: username and email share the account's attempts", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 2; i++) await attemptLogin("alice", "wrong-password1", `10.0.1.${i}`);
    await attemptLogin("ALICE@example.com", "wrong-password1", "10.0.1.7");
    await expect(attemptLogin("alice@example.com", alice.password, "10.0.1.8")).resolves.toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("rate-limits a client address that sprays usernames, and only that address", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 5; i++) await attemptLogin(`made-up-${i}`, "wrong-password1", "9.9.9.9");
    await expect(attemptLogin("alice", alice.password, "9.9.9.9")).resolves.toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
    await expect(attemptLogin("alice", alice.password, "8.8.8.8")).resolves.toMatchObject({ ok: true });
  });

  it("a locked-out address never uses up an account's attempts", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 5; i++) await attemptLogin(`made-up-${i}`, "wrong-password1", "9.9.9.9");
    // The attacker goes on guessing alice's password from the locked address...
    for (let i = 0; i < 5; i++) await attemptLogin("alice", "wrong-password1", "9.9.9.9");
    // ...which costs alice nothing elsewhere.
    await expect(attemptLogin("alice", alice.password, "8.8.8.8")).resolves.toMatchObject({ ok: true });
  });

  it("parallel guesses cannot slip past the limit", async () => {
    await createUser(sys, alice);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attemptLogin("alice", "wrong-password1", `10.0.2.${i}`)),
    );
    expect(results.filter((r) => !r.ok && r.code === "INVALID")).toHaveLength(3);
  });

  it("keeps the counters in the database: another app instance sees them", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 3; i++) await attemptLogin("alice", "wrong-password1", `10.0.3.${i}`);
    // A second instance: a fresh copy of the login modules, with no process memory of the attempts.
    delete (globalThis as { __ttLoginLimiter?: unknown }).__ttLoginLimiter;
    let other: typeof import("@/lib/auth/login-guard") | undefined;
    jest.isolateModules(() => {
      other = jest.requireActual<typeof import("@/lib/auth/login-guard")>("@/lib/auth/login-guard");
    });
    await expect(other!.attemptLogin("alice", alice.password, "10.0.3.9")).resolves.toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("stores no client address and no typed unknown login in the counters", async () => {
    await createUser(sys, alice);
    await attemptLogin("someone@private.example", "wrong-password1", "203.0.113.77");
    await attemptLogin("alice", "wrong-password1", "203.0.113.77");
    const rows = await db.current().conn.raw.query<{ key: string }>(`SELECT key FROM rate_limit_buckets`);
    expect(rows.length).toBe(3);
    const keys = rows.map((r) => r.key).join(" ");
    expect(keys).not.toContain("203.0.113.77");
    expect(keys).not.toContain("private.example");
  });

  it("a successful login clears the account's counter", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 2; i++) await attemptLogin("alice", "wrong-password1", "10.0.4.1");
    await expect(attemptLogin("alice", alice.password, "10.0.4.1")).resolves.toMatchObject({ ok: true });
    for (let i = 0; i < 2; i++) await attemptLogin("alice", "wrong-password1", "10.0.4.1");
    await expect(attemptLogin("alice", alice.password, "10.0.4.1")).resolves.toMatchObject({ ok: true });
  });

  it("ends old sessions when the password changes or the account is deactivated", async () => {
    const u = await createUser(sys, alice);
    const v1 = await changePassword(u, {
      currentPassword: alice.password,
      newPassword: "another-pass-2",
      confirmPassword: "another-pass-2",
    });
    expect(v1).toBe(u.sessionVersion + 1);
    await expect(attemptLogin("alice", "another-pass-2", "1.1.1.1")).resolves.toMatchObject({ ok: true });
    await setUserActive(sys, { id: u.id, active: false });
    expect((await getUserById(u.id))?.sessionVersion).toBe(v1 + 1);
  });

  it("refuses a password change with the wrong current password, as a field error", async () => {
    const u = await createUser(sys, alice);
    const err = (await changePassword(u, {
      currentPassword: "nope-nope-1",
      newPassword: "another-pass-2",
      confirmPassword: "another-pass-2",
    }).catch((e: unknown) => e)) as AppError;
    expect(err.fieldErrors?.currentPassword?.[0]).toMatch(/current password is wrong/);
  });

  it("updates the profile and validates the time zone", async () => {
    const u = await createUser(sys, alice);
    const p = await updateProfile(u, {
      fullName: "Alice A.",
      email: "a@example.com",
      timezone: "Europe/Amsterdam",
      theme: "dark",
    });
    expect(p).toMatchObject({ fullName: "Alice A.", timezone: "Europe/Amsterdam", theme: "dark" });
    await expect(
      updateProfile(u, { fullName: "", email: "a@example.com", timezone: "Mars/Base", theme: "dark" }),
    ).rejects.toThrow(/valid time zone/);
  });
});
