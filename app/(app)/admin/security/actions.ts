"use server";
// Admin → sign-in security: who must use two-factor sign-in, and the grace period. Admins only.
import { defineAction } from "@/lib/action";
import { updateTwoFactorPolicy } from "@/lib/services/two-factor-admin";
import { ZTwoFactorPolicy } from "@/lib/validation/two-factor";

export const updateTwoFactorPolicyAction = defineAction({
  name: "admin.two_factor_policy",
  access: "admin",
  from: "form",
  input: ZTwoFactorPolicy,
  run: (actor, input) => updateTwoFactorPolicy(actor, input),
  revalidate: [["/", "layout"]],
});
