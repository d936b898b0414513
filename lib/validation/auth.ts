// Schemas of the sign-in flows that happen before (or instead of) a password sign-in: password
// reset by email and the admin's reset link.
import { z } from "zod";
import { ZEmail, ZFullName, ZPassword, ZRole, ZUserId, ZUsername } from "./users";
import { ZSignupDomains } from "./settings";

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

export const ZCreateInvitation = z.object({ email: ZEmail, role: ZRole.default("user") });
export type TCreateInvitation = z.input<typeof ZCreateInvitation>;

export const ZInvitationRef = z.object({ id: z.uuid("Unknown invitation.") });
export type TInvitationRef = z.input<typeof ZInvitationRef>;

/** Choosing the account's name and password: accepting an invitation, or a direct sign-up. */
const accountFields = {
  username: ZUsername,
  fullName: ZFullName.default(""),
  newPassword: ZPassword,
  confirmPassword: z.string().max(200),
};
const samePasswords = <T extends { newPassword: string; confirmPassword: string }>(v: T) =>
  v.newPassword === v.confirmPassword;
const DIFFER = { path: ["confirmPassword"], message: "The two passwords differ." };

export const ZAcceptInvitation = z.object({ token: ZToken, ...accountFields }).refine(samePasswords, DIFFER);
export type TAcceptInvitation = z.input<typeof ZAcceptInvitation>;

/** Self-registration when email can be sent: the address first, checked by a link. */
export const ZRequestSignup = z.object({ email: ZEmail });
export type TRequestSignup = z.input<typeof ZRequestSignup>;

/** Self-registration without email: everything at once (the address is not verified). */
export const ZSignUp = z.object({ email: ZEmail, ...accountFields }).refine(samePasswords, DIFFER);
export type TSignUp = z.input<typeof ZSignUp>;

export const ZSignupDomainsUpdate = z.object({ signupDomains: ZSignupDomains });
export type TSignupDomainsUpdate = z.input<typeof ZSignupDomainsUpdate>;

export const ZSessionRef = z.object({ id: z.uuid("Unknown session.") });
export type TSessionRef = z.input<typeof ZSessionRef>;
