"use server";
// One account, admin side: a password reset link to copy and pass on (when email is not set up, or
// faster than email). Administrators only; the service authorizes.
import { defineAction } from "@/lib/action";
import { createPasswordResetLink } from "@/lib/services/password-reset";
import { ZPasswordResetLink } from "@/lib/validation/auth";

export const createResetLinkAction = defineAction({
  name: "admin.create_password_reset_link",
  access: "admin",
  from: "form",
  input: ZPasswordResetLink,
  run: (actor, input) => createPasswordResetLink(actor, input),
});
