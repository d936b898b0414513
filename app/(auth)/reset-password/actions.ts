"use server";
// Reset password: sets a new password with a link from the reset email (or from an admin). Anonymous.
import { defineAction } from "@/lib/action";
import { requestClientAddress } from "@/lib/auth/client-address";
import { completePasswordReset } from "@/lib/services/password-reset";
import { ZCompletePasswordReset } from "@/lib/validation/auth";

export const completePasswordResetAction = defineAction({
  name: "auth.complete_password_reset",
  access: "anonymous",
  from: "form",
  input: ZCompletePasswordReset,
  run: async (_actor, input) => completePasswordReset(input, await requestClientAddress()),
  redirect: () => "/login?notice=password-reset",
});
