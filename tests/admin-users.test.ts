// Admin user management against a real database: edits, role changes, deactivation, password
// resets, and the rule that the last active administrator cannot be demoted or deactivated.
import { attemptLogin, resetLoginLimiter } from "@/lib/auth/login-guard";
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

const admin = { username: "root", email: "root@example.com", password: "admin-pass-123", role: "admin" as const };
const user = { username: "bob", email: "bob@example.com", password: "bob-password-1" };

describe("admin user management", () => {
  it("lists accounts without password hashes", async () => {
    await createUser(admin);
    await createUser(user);
    const list = await listUsers();
    expect(list.map((u) => u.username)).toEqual(["bob", "root"]);
    expect(Object.keys(list[0])).not.toContain("passwordHash");
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    const a = await createUser(admin);
    await expect(changeUserRole(a.id, "user")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setUserActive(a.id, false)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getUserById(a.id))?.role).toBe("admin");
    expect((await getUserById(a.id))?.active).toBe(true);
  });

  it("counts only active admins: a deactivated second admin does not help", async () => {
    const a = await createUser(admin);
    const b = await createUser({ ...user, role: "admin" });
    await setUserActive(b.id, false);
    await expect(changeUserRole(a.id, "user")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("allows it when another active admin remains, and ends the changed account's sessions", async () => {
    const a = await createUser(admin);
    const b = await createUser(user);
    const promoted = await changeUserRole(b.id, "admin");
    expect(promoted.sessionVersion).toBe(b.sessionVersion + 1);
    const demoted = await changeUserRole(a.id, "user");
    expect(demoted.role).toBe("user");
    await expect(changeUserRole(b.id, "user")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("treats setting the same role as a no-op that keeps the account's sessions", async () => {
    const a = await createUser(admin);
    const same = await changeUserRole(a.id, "admin");
    expect(same.sessionVersion).toBe(a.sessionVersion);
  });

  it("keeps one admin when two admins demote each other at the same moment", async () => {
    const a = await createUser(admin);
    const b = await createUser({ ...user, role: "admin" });
    const results = await Promise.allSettled([changeUserRole(a.id, "user"), changeUserRole(b.id, "user")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listUsers()).filter((u) => u.role === "admin" && u.active)).toHaveLength(1);
  });

  it("deactivates and reactivates an account", async () => {
    await createUser(admin);
    const b = await createUser(user);
    await setUserActive(b.id, false);
    await expect(attemptLogin("bob", user.password, "1.1.1.1")).resolves.toEqual({ ok: false, code: "INACTIVE" });
    await setUserActive(b.id, true);
    await expect(attemptLogin("bob", user.password, "1.1.1.1")).resolves.toMatchObject({ ok: true });
  });

  it("edits an account and reports a taken email as a conflict", async () => {
    const a = await createUser(admin);
    const b = await createUser(user);
    const edited = await adminUpdateUser(b.id, {
      username: "robert",
      email: "Robert@Example.com",
      fullName: "Robert B",
    });
    expect(edited).toMatchObject({ username: "robert", email: "robert@example.com", fullName: "Robert B" });
    await expect(adminUpdateUser(b.id, { username: "robert", email: a.email, fullName: "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      adminUpdateUser("00000000-0000-4000-8000-000000000000", { username: "x-y", email: "x@y.zz", fullName: "" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("resets a password: the new one works, the old one and old sessions do not", async () => {
    await createUser(admin);
    const b = await createUser(user);
    await expect(resetUserPassword(b.id, { newPassword: "short", confirmPassword: "short" })).rejects.toThrow(
      /at least 10/,
    );
    await resetUserPassword(b.id, { newPassword: "brand-new-pass-9", confirmPassword: "brand-new-pass-9" });
    expect((await getUserById(b.id))?.sessionVersion).toBe(b.sessionVersion + 1);
    await expect(attemptLogin("bob", user.password, "1.1.1.1")).resolves.toEqual({ ok: false, code: "INVALID" });
    await expect(attemptLogin("bob", "brand-new-pass-9", "1.1.1.1")).resolves.toMatchObject({ ok: true });
  });
});
