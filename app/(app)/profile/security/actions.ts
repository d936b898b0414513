"use server";
// Two-factor sign-in on the profile: start and confirm enrolment, new recovery codes, turn it off.
// The caller's own account only (the services take the id from the actor).
import { defineAction, ZNoInput } from "@/lib/action";
import {
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorEnrolment,
} from "@/lib/services/two-factor";
import { ZConfirmTwoFactor, ZDisableTwoFactor, ZRegenerateRecoveryCodes } from "@/lib/validation/two-factor";

export const startTwoFactorAction = defineAction({
  name: "profile.two_factor_start",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: (actor) => startTwoFactorEnrolment(actor),
});

export const confirmTwoFactorAction = defineAction({
  name: "profile.two_factor_confirm",
  access: "user",
  from: "form",
  input: ZConfirmTwoFactor,
  run: (actor, input) => confirmTwoFactorEnrolment(actor, input),
  // No revalidation here: re-rendering the page would replace the enrolment, and with it the
  // recovery codes, before the user saw them. "I have saved them" refreshes the page.
});

export const regenerateRecoveryCodesAction = defineAction({
  name: "profile.two_factor_recovery_codes",
  access: "user",
  from: "form",
  input: ZRegenerateRecoveryCodes,
  run: (actor, input) => regenerateRecoveryCodes(actor, input),
});

export const disableTwoFactorAction = defineAction({
  name: "profile.two_factor_disable",
  access: "user",
  from: "form",
  input: ZDisableTwoFactor,
  run: async (actor, input) => void (await disableTwoFactor(actor, input)),
  revalidate: [["/", "layout"]],
});
