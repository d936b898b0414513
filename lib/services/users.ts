// Accounts: creation, login checks, profile and password changes. Returns DTOs without hashes.
import "server-only";
import { cache } from "react";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  ZAdminUpdateUser,
  ZChangePassword,
  ZResetPassword,
  ZRole,
  ZCreateUser,
  ZUpdateProfile,
  ZTheme,
  type TAdminUpdateUser,
  type TCreateUser,
  type TUpdateProfile,
} from "@/lib/validation/users";
import { isUniqueViolation } from "./prisma-errors";

export type Role = "admin" | "user";
export type Theme = "light" | "dark" | "system";

export interface UserDto {
  id: string;
  username: string;
  email: string;
  fullName: string;
  role: Role;
  active: boolean;
  timezone: string | null;
  theme: Theme;
  sessionVersion: number;
  lastLoginAt: Date | null;
  createdAt: Date;
}

/** Exported for lib/services/sessions.ts, which loads the user together with the session row. */
export const dtoSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  role: true,
  active: true,
  timezone: true,
  theme: true,
  sessionVersion: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export async function createUser(input: TCreateUser): Promise<UserDto> {
  const data = ZCreateUser.parse(input);
  try {
    return await db().user.create({
      data: {
        username: data.username,
        email: data.email,
        fullName: data.fullName,
        role: data.role,
        passwordHash: await hashPassword(data.password),
      },
      select: dtoSelect,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "That username or email is already taken.");
    throw err;
  }
}

// One lookup per user per server render (React cache), where the layout, the page and the zone
// lookup ask alike; the session check puts the user it loaded here first (rememberUser).
const renderUsers = cache(() => new Map<string, Promise<UserDto | null>>());

export function getUserById(id: string): Promise<UserDto | null> {
  const users = renderUsers();
  let user = users.get(id);
  if (!user) {
    user = db().user.findUnique({ where: { id }, select: dtoSelect });
    users.set(id, user);
  }
  return user;
}

/** Lets later getUserById calls in this render reuse a user loaded by another query. */
export function rememberUser(id: string, user: Promise<UserDto | null>): void {
  renderUsers().set(id, user);
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

export type LoginCheck = { ok: true; user: UserDto } | { ok: false; reason: "invalid" | "inactive" };

/** Checks a username-or-email and password. Costs the same whether or not the account exists. */
export async function checkLogin(login: string, password: string): Promise<LoginCheck> {
  const row = await db().user.findFirst({ where: loginWhere(login), select: { ...dtoSelect, passwordHash: true } });
  const valid = await verifyPassword(password, row?.passwordHash ?? (await dummyHash()));
  if (!row || !valid) return { ok: false, reason: "invalid" };
  // Only someone who knows the password learns that the account is deactivated.
  if (!row.active) return { ok: false, reason: "inactive" };
  const { passwordHash, ...user } = row;
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user };
}

function loginWhere(login: string) {
  const key = login.trim();
  return key.includes("@") ? { email: key.toLowerCase() } : { username: key };
}

/** The account a username or email names, whichever spelling: login rate limits count per account. */
export async function findAccountIdForLogin(login: string): Promise<string | null> {
  const row = await db().user.findFirst({ where: loginWhere(login), select: { id: true } });
  return row?.id ?? null;
}

export async function updateProfile(userId: string, input: TUpdateProfile): Promise<UserDto> {
  const data = ZUpdateProfile.parse(input);
  try {
    return await db().user.update({ where: { id: userId }, data, select: dtoSelect });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("CONFLICT", "That email is already used by another account.", {
        email: ["That email is already used by another account."],
      });
    }
    throw err;
  }
}

export async function setTheme(userId: string, theme: Theme): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { theme: ZTheme.parse(theme) } });
}

/** Changes the password and ends every other session of the user (sessionVersion bump). */
export async function changePassword(userId: string, input: unknown): Promise<number> {
  const data = ZChangePassword.parse(input);
  const row = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!row) throw new AppError("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(data.currentPassword, row.passwordHash))) {
    throw new AppError("VALIDATION", "The current password is wrong.", {
      currentPassword: ["The current password is wrong."],
    });
  }
  const updated = await db().user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(data.newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

const LAST_ADMIN = "This is the last active administrator. Make another account an administrator first.";

/**
 * Inside a transaction: refuses when `userId` is the only active admin. Locks the active admins'
 * rows so two admins demoting each other at the same moment cannot both succeed.
 */
async function assertNotLastAdmin(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM users WHERE role = 'admin' AND active = true FOR UPDATE`;
  if (admins.some((a) => a.id === userId) && !admins.some((a) => a.id !== userId)) {
    throw new AppError("CONFLICT", LAST_ADMIN);
  }
}

/** Deactivates (ending every session) or reactivates an account; never the last active admin. */
export async function setUserActive(userId: string, active: boolean): Promise<UserDto> {
  return db().$transaction(async (tx) => {
    if (!active) await assertNotLastAdmin(tx, userId);
    return updateOrNotFound(() =>
      tx.user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } }, select: dtoSelect }),
    );
  });
}

/** Changes an account's role (ending its sessions); the last active admin cannot be demoted. */
export async function changeUserRole(userId: string, role: Role): Promise<UserDto> {
  const newRole = ZRole.parse(role);
  return db().$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: userId }, select: dtoSelect });
    if (!current) throw new AppError("NOT_FOUND", "That account does not exist.");
    // Same role: nothing changes, and the account's sessions stay.
    if (current.role === newRole) return current;
    if (newRole !== "admin") await assertNotLastAdmin(tx, userId);
    return updateOrNotFound(() =>
      tx.user.update({
        where: { id: userId },
        data: { role: newRole, sessionVersion: { increment: 1 } },
        select: dtoSelect,
      }),
    );
  });
}

export async function listUsers(): Promise<UserDto[]> {
  return db().user.findMany({ orderBy: [{ active: "desc" }, { username: "asc" }], select: dtoSelect });
}

/** An admin edits another account's username, email and name. */
export async function adminUpdateUser(userId: string, input: TAdminUpdateUser): Promise<UserDto> {
  const data = ZAdminUpdateUser.parse(input);
  try {
    return await updateOrNotFound(() => db().user.update({ where: { id: userId }, data, select: dtoSelect }));
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("CONFLICT", "That username or email is already taken.", {
        username: ["That username or email is already taken."],
      });
    }
    throw err;
  }
}

/** An admin sets a new password for an account; its sessions end. */
export async function resetUserPassword(userId: string, input: unknown): Promise<void> {
  const data = ZResetPassword.parse(input);
  const passwordHash = await hashPassword(data.newPassword);
  await updateOrNotFound(() =>
    db().user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
  );
}

async function updateOrNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string })?.code === "P2025") throw new AppError("NOT_FOUND", "That account does not exist.");
    throw err;
  }
}
