// The signed-in user's own account: profile, theme, password. Each function changes the caller's
// row and no other (the id comes from the actor, never from the input), so a crafted request that
// names another account changes nothing of it.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  ZChangePassword,
  ZSetTheme,
  ZUpdateProfile,
  type TChangePassword,
  type TSetTheme,
  type TUpdateProfile,
} from "@/lib/validation/users";
import type { Actor } from "./actor";
import { isUniqueViolation } from "./prisma-errors";
import { revokeAllSessions } from "./sessions";
import { USER_DTO_SELECT, type UserDto } from "./users";

const EMAIL_TAKEN = "That email is already used by another account.";

export async function updateProfile(actor: Actor, input: TUpdateProfile): Promise<UserDto> {
  const data = ZUpdateProfile.parse(input);
  try {
    return await db().user.update({ where: { id: actor.id }, data, select: USER_DTO_SELECT });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw err;
  }
}

export async function setTheme(actor: Actor, input: TSetTheme): Promise<void> {
  const { theme } = ZSetTheme.parse(input);
  await db().user.update({ where: { id: actor.id }, data: { theme } });
}

/** Changes the password and ends every other session of the user (sessionVersion bump). */
export async function changePassword(actor: Actor, input: TChangePassword): Promise<number> {
  const data = ZChangePassword.parse(input);
  const row = await db().user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!row) throw new AppError("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(data.currentPassword, row.passwordHash))) {
    throw new AppError("VALIDATION", "The current password is wrong.", {
      currentPassword: ["The current password is wrong."],
    });
  }
  const updated = await db().user.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(data.newPassword), sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return updated.sessionVersion;
}

/** "Sign out everywhere": ends every session of the caller; returns how many were live. */
export async function signOutEverywhere(actor: Actor): Promise<number> {
  return revokeAllSessions(actor.id);
}
