// Schemas of the sign-in flows that happen before (or instead of) a password sign-in: password
// reset by email and the admin's reset link.
import { z } from "zod";
import { ZEmail, ZPassword, ZUserId } from "./users";

export const ZRequestPasswordReset = z.object({ email: ZEmail });
export type TRequestPasswordReset = z.input<typeof ZRequestPasswordReset>;

/** A token as the links carry it: 43 base64url characters (32 random bytes). */
export const ZToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Ask for a new one.");

export const ZCompletePasswordReset = z
  .object({ token: ZToken, newPassword: ZPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ.",
  });
export type TCompletePasswordReset = z.input<typeof ZCompletePasswordReset>;

export const ZPasswordResetLink = z.object({ id: ZUserId });
export type TPasswordResetLink = z.input<typeof ZPasswordResetLink>;
