"use server";
// One account, admin side: a password reset link to copy and pass on (when email is not set up, or
// faster than email), and the emergency reset of its two-factor sign-in. Administrators only; the
// services authorize.
import { defineAction } from "@/lib/action";
import { createPasswordResetLink } from "@/lib/services/password-reset";
import { resetUserTwoFactor } from "@/lib/services/two-factor-admin";
import { ZPasswordResetLink } from "@/lib/validation/auth";
import { ZResetTwoFactor } from "@/lib/validation/two-factor";

export const createResetLinkAction = defineAction({
  name: "admin.create_password_reset_link",
  access: "admin",
  from: "form",
  input: ZPasswordResetLink,
  run: (actor, input) => createPasswordResetLink(actor, input),
});

export const resetTwoFactorAction = defineAction({
  name: "admin.reset_two_factor",
  access: "admin",
  from: "form",
  input: ZResetTwoFactor,
  run: (actor, input) => resetUserTwoFactor(actor, input),
  revalidate: ["/admin/users"],
});
