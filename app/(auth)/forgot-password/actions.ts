"use server";
// Forgot password: asks for a reset link by email. Anonymous; the same answer for every address.
import { defineAction } from "@/lib/action";
import { requestClientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/services/password-reset";
import { ZRequestPasswordReset } from "@/lib/validation/auth";

export const requestPasswordResetAction = defineAction({
  name: "auth.request_password_reset",
  access: "anonymous",
  from: "form",
  input: ZRequestPasswordReset,
  run: async (_actor, input) => requestPasswordReset(input, await requestClientAddress()),
});
