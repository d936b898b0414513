// Shared zod schemas for accounts: used by forms, server actions, scripts and tests alike.
import { z } from "zod";
import { Role, Theme } from "@/lib/db/generated/enums";
import { ZCheckbox } from "./common";

export const PASSWORD_RULE = "at least 10 characters, with a letter and a digit";

export const ZPassword = z
  .string()
  .min(10, `Password must be ${PASSWORD_RULE}.`)
  .max(200, "Password must be at most 200 characters.")
  .refine((v) => /\p{L}/u.test(v) && /\p{N}/u.test(v), `Password must be ${PASSWORD_RULE}.`);

export const ZUsername = z
  .string()
  .trim()
  .min(3, "Username must be at least 3 characters.")
  .max(40, "Username must be at most 40 characters.")
  .regex(/^[a-zA-Z0-9._-]+$/, "Username may contain letters, digits, dots, dashes and underscores.");

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254));

export const ZFullName = z.string().trim().max(120, "Name must be at most 120 characters.");

export const ZTimezone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "Choose a valid time zone.");

// The unions come from the Prisma schema's enums, re-exported here so UI code never names lib/db.
export { Role, Theme };
export const ZRole = z.enum(Role);
export const ZTheme = z.enum(Theme);
export const ZUserId = z.uuid("Unknown account.");

export const ZCreateUser = z.object({
  username: ZUsername,
  email: ZEmail,
  password: ZPassword,
  fullName: ZFullName.optional().default(""),
  role: ZRole.default("user"),
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZLogin = z.object({
  login: z.string().trim().min(1, "Enter your username or email.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});

export const ZUpdateProfile = z.object({
  fullName: ZFullName,
  email: ZEmail,
  timezone: z.union([z.literal(""), ZTimezone]).transform((v) => (v === "" ? null : v)),
  // Absent: the theme stays as it is.
  theme: ZTheme.optional(),
});
export type TUpdateProfile = z.input<typeof ZUpdateProfile>;

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: ZPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  });

export type TChangePassword = z.input<typeof ZChangePassword>;

export const ZSetTheme = z.object({ theme: ZTheme });
export type TSetTheme = z.input<typeof ZSetTheme>;

/** The admin forms name the account they change by its id. */
export const ZAdminUpdateUser = z.object({ id: ZUserId, username: ZUsername, email: ZEmail, fullName: ZFullName });
export type TAdminUpdateUser = z.input<typeof ZAdminUpdateUser>;

export const ZChangeRole = z.object({ id: ZUserId, role: ZRole });
export type TChangeRole = z.input<typeof ZChangeRole>;

export const ZSetActive = z.object({ id: ZUserId, active: ZCheckbox });
export type TSetActive = z.input<typeof ZSetActive>;

export const ZUserRef = z.object({ id: ZUserId });
export type TUserRef = z.input<typeof ZUserRef>;

export const ZResetPassword = z
  .object({ id: ZUserId, newPassword: ZPassword, confirmPassword: z.string().max(200) })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ.",
  });
export type TResetPassword = z.input<typeof ZResetPassword>;
