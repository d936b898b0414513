// Schemas of two-factor sign-in: enrolment, the sign-in's second step, disabling, recovery codes,
// the organization policy and the admin's reset.
import { z } from "zod";
import { ZUserId } from "./users";

const CODE_MESSAGE = "Enter the 6-digit code from your app, or a recovery code.";

/** A TOTP code (6 digits) or a recovery code (16 letters/digits, dashes optional), as typed. */
export const ZSecondFactorCode = z
  .string()
  .trim()
  .min(1, CODE_MESSAGE)
  .max(40, CODE_MESSAGE)
  .refine(
    (v) => /^\d{6}$/.test(v.replace(/[\s-]/g, "")) || /^[a-z2-7]{16}$/i.test(v.replace(/[\s-]/g, "")),
    CODE_MESSAGE,
  );

/** Only a current code from the app (enrolment confirmation). */
export const ZConfirmTwoFactor = z.object({
  code: z
    .string()
    .trim()
    .refine((v) => /^\d{6}$/.test(v.replace(/\s/g, "")), "Enter the 6-digit code your app shows now."),
});
export type TConfirmTwoFactor = z.input<typeof ZConfirmTwoFactor>;

export const ZDisableTwoFactor = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: ZSecondFactorCode,
});
export type TDisableTwoFactor = z.input<typeof ZDisableTwoFactor>;

export const ZRegenerateRecoveryCodes = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
});
export type TRegenerateRecoveryCodes = z.input<typeof ZRegenerateRecoveryCodes>;

/** The sign-in's second step, as next-auth's credentials provider receives it. */
export const ZSecondFactorLogin = z.object({
  ticket: z.string().min(1).max(1000),
  code: ZSecondFactorCode,
});

export const TWO_FACTOR_POLICIES = ["off", "admins", "everyone"] as const;
export const ZTwoFactorPolicy = z.object({
  policy: z.enum(TWO_FACTOR_POLICIES, { message: "Choose who must use two-factor sign-in." }),
  graceDays: z.coerce.number().int().min(0, "0 or more days.").max(365, "At most 365 days."),
});
export type TTwoFactorPolicy = z.input<typeof ZTwoFactorPolicy>;

export const ZResetTwoFactor = z.object({ id: ZUserId });
export type TResetTwoFactor = z.input<typeof ZResetTwoFactor>;
