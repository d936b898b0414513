"use server";
// First-run wizard: validates each step on the server, then completes setup once. These actions
// need no session (there is no account yet); the services refuse everything once setup is complete.
import { defineAction } from "@/lib/action";
import { checkSetupStep, completeSetup } from "@/lib/services/installation";
import { ZSetupFields } from "@/lib/validation/setup";

export const validateSetupStepAction = defineAction({
  name: "setup.validate_step",
  access: "anonymous",
  from: "form",
  input: ZSetupFields,
  run: (_anonymous, input) => checkSetupStep(input),
});

export const completeSetupAction = defineAction({
  name: "setup.complete",
  access: "anonymous",
  from: "form",
  input: ZSetupFields,
  run: async (_anonymous, input) => ({ username: (await completeSetup(input)).username }),
});
