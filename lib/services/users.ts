// Accounts: creation, login checks, profile and password changes. Returns DTOs without hashes.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  ZChangePassword,
  ZCreateUser,
  ZUpdateProfile,
  ZTheme,
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

const dtoSelect = {
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

export async function getUserById(id: string): Promise<UserDto | null> {
  return db().user.findUnique({ where: { id }, select: dtoSelect });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

export type LoginCheck =
  | { ok: true; user: UserDto }
  | { ok: false; reason: "invalid" | "inactive" };

/** Checks a username-or-email and password. Costs the same whether or not the account exists. */
export async function checkLogin(login: string, password: string): Promise<LoginCheck> {
  const key = login.trim();
  const row = await db().user.findFirst({
    where: key.includes("@") ? { email: key.toLowerCase() } : { username: key },
    select: { ...dtoSelect, passwordHash: true },
  });
  const valid = await verifyPassword(password, row?.passwordHash ?? (await dummyHash()));
  if (!row || !valid) return { ok: false, reason: "invalid" };
  // Only someone who knows the password learns that the account is deactivated.
  if (!row.active) return { ok: false, reason: "inactive" };
  const { passwordHash, ...user } = row;
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, user };
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

export async function setUserActive(userId: string, active: boolean): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { active, sessionVersion: { increment: 1 } } });
}
