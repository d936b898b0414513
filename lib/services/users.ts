// Accounts, as administrators manage them: create, list, edit, role, deactivate, reset a password.
// Every function here takes the caller and refuses anyone but an admin (assertAdmin) before it
// reads anything; the events describing each change are emitted next to the write. Two read-only
// helpers of the auth layer take no caller (see their comments). Own-account changes: profile.ts.
import "server-only";
import { cache } from "react";
import { db, type Prisma } from "@/lib/db";
import type { Theme } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { dummyHash, hashPassword, verifyPassword } from "@/lib/auth/password";
import { track } from "@/lib/observability/track";
import {
  ZAdminUpdateUser,
  ZChangeRole,
  ZCreateUser,
  ZResetPassword,
  ZSetActive,
  ZUserRef,
  type TAdminUpdateUser,
  type TChangeRole,
  type TCreateUser,
  type TResetPassword,
  type TSetActive,
  type TUserRef,
} from "@/lib/validation/users";
import { actorUserId, assertAdmin, type Caller, type Role } from "./actor";
import { isUniqueViolation } from "./prisma-errors";

export type { Role, Theme };

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

export const USER_DTO_SELECT = {
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
const dtoSelect = USER_DTO_SELECT;

const TAKEN = "That username or email is already taken.";

export async function createUser(actor: Caller, input: TCreateUser): Promise<UserDto> {
  assertAdmin(actor, "create accounts");
  const data = ZCreateUser.parse(input);
  try {
    const user = await db().user.create({
      data: {
        username: data.username,
        email: data.email,
        fullName: data.fullName,
        role: data.role,
        passwordHash: await hashPassword(data.password),
      },
      select: dtoSelect,
    });
    track("admin.user_created", { role: user.role }, { userId: actorUserId(actor) });
    return user;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", TAKEN);
    throw err;
  }
}

/**
 * No caller: this IS the session check (lib/auth/session.ts looks up the token's account on every
 * request, before there is an actor). One lookup per user per server render (React cache), where
 * the layout, the page and the zone lookup ask alike; the session check puts the user it loaded
 * here first (rememberUser). Pages that show an account use getUser.
 */
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

export type LoginCheck = { ok: true; user: UserDto } | { ok: false; reason: "invalid" | "inactive" };

/**
 * No caller: this is how a caller comes to exist (lib/auth/login-guard.ts, behind its rate limits).
 * Checks a username-or-email and password. Costs the same whether or not the account exists.
 */
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
export async function setUserActive(actor: Caller, input: TSetActive): Promise<UserDto> {
  assertAdmin(actor, "deactivate or reactivate accounts");
  const { id, active } = ZSetActive.parse(input);
  const user = await db().$transaction(async (tx) => {
    if (!active) await assertNotLastAdmin(tx, id);
    return updateOrNotFound(() =>
      tx.user.update({ where: { id }, data: { active, sessionVersion: { increment: 1 } }, select: dtoSelect }),
    );
  });
  track("admin.user_deactivated", { active: user.active }, { userId: actorUserId(actor) });
  return user;
}

/** Changes an account's role (ending its sessions); the last active admin cannot be demoted. */
export async function changeUserRole(actor: Caller, input: TChangeRole): Promise<UserDto> {
  assertAdmin(actor, "change roles");
  const { id, role: newRole } = ZChangeRole.parse(input);
  const { user, changed } = await db().$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id }, select: dtoSelect });
    if (!current) throw new AppError("NOT_FOUND", "That account does not exist.");
    // Same role: nothing changes, and the account's sessions stay.
    if (current.role === newRole) return { user: current, changed: false };
    if (newRole !== "admin") await assertNotLastAdmin(tx, id);
    const updated = await updateOrNotFound(() =>
      tx.user.update({ where: { id }, data: { role: newRole, sessionVersion: { increment: 1 } }, select: dtoSelect }),
    );
    return { user: updated, changed: true };
  });
  if (changed) track("admin.user_role_changed", { new_role: user.role }, { userId: actorUserId(actor) });
  return user;
}

export async function listUsers(actor: Caller): Promise<UserDto[]> {
  assertAdmin(actor, "list accounts");
  return db().user.findMany({ orderBy: [{ active: "desc" }, { username: "asc" }], select: dtoSelect });
}

/** One account, for the admin's account page. */
export async function getUser(actor: Caller, input: TUserRef): Promise<UserDto> {
  assertAdmin(actor, "see accounts");
  const { id } = ZUserRef.parse(input);
  const user = await db().user.findUnique({ where: { id }, select: dtoSelect });
  if (!user) throw new AppError("NOT_FOUND", "That account does not exist.");
  return user;
}

/** An admin edits another account's username, email and name. */
export async function adminUpdateUser(actor: Caller, input: TAdminUpdateUser): Promise<UserDto> {
  assertAdmin(actor, "edit accounts");
  const { id, ...data } = ZAdminUpdateUser.parse(input);
  try {
    const user = await updateOrNotFound(() => db().user.update({ where: { id }, data, select: dtoSelect }));
    track("admin.user_updated", {}, { userId: actorUserId(actor) });
    return user;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", TAKEN, { username: [TAKEN] });
    throw err;
  }
}

/** An admin sets a new password for an account; its sessions end. */
export async function resetUserPassword(actor: Caller, input: TResetPassword): Promise<void> {
  assertAdmin(actor, "reset passwords");
  const { id, newPassword } = ZResetPassword.parse(input);
  const passwordHash = await hashPassword(newPassword);
  await updateOrNotFound(() =>
    db().user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } }),
  );
  track("admin.user_updated", {}, { userId: actorUserId(actor) });
}

/** A write on one account; Prisma's "record not found" becomes NOT_FOUND. */
async function updateOrNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if ((err as { code?: string })?.code === "P2025") throw new AppError("NOT_FOUND", "That account does not exist.");
    throw err;
  }
}
