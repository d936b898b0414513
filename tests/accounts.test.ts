// Accounts against a real database: creation, login by username or email, deactivation, limits.
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
  resetEnvCache();
  resetLoginLimiter();
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

  it("rate-limits a client address that sprays usernames", async () => {
    await createUser(sys, alice);
    for (let i = 0; i < 3; i++) await attemptLogin(`user${i}`, "wrong-password1", "9.9.9.9");
    await expect(attemptLogin("alice", alice.password, "9.9.9.9")).resolves.toEqual({
      ok: false,
      code: "RATE_LIMITED",
    });
    await expect(attemptLogin("alice", alice.password, "8.8.8.8")).resolves.toMatchObject({ ok: true });
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
