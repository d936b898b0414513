// Admin user management against a real database: edits, role changes, deactivation, password
// resets, and the rule that the last active administrator cannot be demoted or deactivated.
import { attemptLogin, resetLoginLimiter } from "@/lib/auth/login-guard";
import { systemActor } from "@/lib/services/actor";
import {
  adminUpdateUser,
  changeUserRole,
  createUser,
  getUserById,
  listUsers,
  resetUserPassword,
  setUserActive,
} from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";

const db = setupTestDb();

beforeEach(async () => {
  await resetLoginLimiter();
  await db.current().truncate();
});

// The first account comes from a system actor (like `npm run user:create`); then an admin acts.
const sys = systemActor("test:admin-users");
const admin = { username: "root", email: "root@example.com", password: "admin-pass-123", role: "admin" as const };
const user = { username: "bob", email: "bob@example.com", password: "bob-password-1" };

describe("admin user management", () => {
  it("lists accounts without password hashes", async () => {
    await createUser(sys, admin);
    await createUser(sys, user);
    const list = await listUsers(sys);
    expect(list.map((u) => u.username)).toEqual(["bob", "root"]);
    expect(Object.keys(list[0])).not.toContain("passwordHash");
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    const a = await createUser(sys, admin);
    await expect(changeUserRole(sys, { id: a.id, role: "user" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserActive(sys, { id: a.id, active: false })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getUserById(a.id))?.role).toBe("admin");
    expect((await getUserById(a.id))?.active).toBe(true);
  });

  it("counts only active admins: a deactivated second admin does not help", async () => {
    const a = await createUser(sys, admin);
    const b = await createUser(sys, { ...user, role: "admin" });
    await setUserActive(sys, { id: b.id, active: false });
    await expect(changeUserRole(sys, { id: a.id, role: "user" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("allows it when another active admin remains, and ends the changed account's sessions", async () => {
    const a = await createUser(sys, admin);
    const b = await createUser(sys, user);
    const promoted = await changeUserRole(sys, { id: b.id, role: "admin" });
    expect(promoted.sessionVersion).toBe(b.sessionVersion + 1);
    const demoted = await changeUserRole(sys, { id: a.id, role: "user" });
    expect(demoted.role).toBe("user");
    await expect(changeUserRole(sys, { id: b.id, role: "user" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("treats setting the same role as a no-op that keeps the account's sessions", async () => {
    const a = await createUser(sys, admin);
    const same = await changeUserRole(sys, { id: a.id, role: "admin" });
    expect(same.sessionVersion).toBe(a.sessionVersion);
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const a = await createUser(sys, admin);
    const b = await createUser(sys, { ...user, role: "admin" });
    const results = await Promise.allSettled([
      changeUserRole(sys, { id: a.id, role: "user" }),
      changeUserRole(sys, { id: b.id, role: "user" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listUsers(sys)).filter((u) => u.role === "admin" && u.active)).toHaveLength(1);
  });

  it("deactivates and reactivates an account", async () => {
    await createUser(sys, admin);
    const b = await createUser(sys, user);
    await setUserActive(sys, { id: b.id, active: false });
    await expect(attemptLogin("bob", user.password, "1.1.1.1")).resolves.toEqual({ ok: false, code: "INACTIVE" });
    await setUserActive(sys, { id: b.id, active: true });
    await expect(attemptLogin("bob", user.password, "1.1.1.1")).resolves.toMatchObject({ ok: true });
  });

  it("edits an account and reports a taken email as a conflict", async () => {
    const a = await createUser(sys, admin);
    const b = await createUser(sys, user);
    const edited = await adminUpdateUser(sys, {
      id: b.id,
      username: "robert",
      email: "Robert@Example.com",
      fullName: "Robert B",
    });
    expect(edited).toMatchObject({ username: "robert", email: "robert@example.com", fullName: "Robert B" });
    await expect(
      adminUpdateUser(sys, { id: b.id, username: "robert", email: a.email, fullName: "" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      adminUpdateUser(sys, {
        id: "00000000-0000-4000-8000-000000000000",
        username: "x-y",
        email: "x@y.zz",
        fullName: "",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("resets a password: the new one works, the old one and old sessions do not", async () => {
    await createUser(sys, admin);
    const b = await createUser(sys, user);
    await expect(resetUserPassword(sys, { id: b.id, newPassword: "short", confirmPassword: "short" })).rejects.toThrow(
      /at least 10/,
    );
    await resetUserPassword(sys, { id: b.id, newPassword: "brand-new-pass-9", confirmPassword: "brand-new-pass-9" });
    expect((await getUserById(b.id))?.sessionVersion).toBe(b.sessionVersion + 1);
    await expect(attemptLogin("bob", user.password, "1.1.1.1")).resolves.toEqual({ ok: false, code: "INVALID" });
    await expect(attemptLogin("bob", "brand-new-pass-9", "1.1.1.1")).resolves.toMatchObject({ ok: true });
  });
});
