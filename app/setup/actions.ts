"use server";
// First-run wizard: validates each step on the server, then completes setup once. These actions
// need no session (there is no account yet); nobody may use them once setup is complete.
import { defineAction } from "@/lib/action";
import { assertSetupOpen, checkSetupStep, completeSetup } from "@/lib/services/installation";
import { ZSetupFields } from "@/lib/validation/setup";

export const validateSetupStepAction = defineAction({
  name: "setup.validate_step",
  access: "anonymous",
  from: "form",
  input: ZSetupFields,
  // Once setup is complete every caller gets CONFLICT, whatever it sends.
  guard: assertSetupOpen,
  run: (_anonymous, input) => checkSetupStep(input),
});

export const completeSetupAction = defineAction({
  name: "setup.complete",
  access: "anonymous",
  from: "form",
  input: ZSetupFields,
  // Once setup is complete every caller gets CONFLICT, whatever it sends.
  guard: assertSetupOpen,
  run: async (_anonymous, input) => ({ username: (await completeSetup(input)).username }),
});
