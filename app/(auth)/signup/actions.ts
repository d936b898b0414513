"use server";
// Self-registration: a sign-up link by email (email set up), or the whole form at once. Anonymous;
// the services check that the organization allows it and the address's domain.
import { defineAction } from "@/lib/action";
import { requestClientAddress } from "@/lib/auth/client-address";
import { requestSignup, signUp } from "@/lib/services/invitations";
import { ZRequestSignup, ZSignUp } from "@/lib/validation/auth";

export const requestSignupAction = defineAction({
  name: "auth.request_signup",
  access: "anonymous",
  from: "form",
  input: ZRequestSignup,
  run: async (_actor, input) => requestSignup(input, await requestClientAddress()),
});

export const signUpAction = defineAction({
  name: "auth.sign_up",
  access: "anonymous",
  from: "form",
  input: ZSignUp,
  run: async (_actor, input) => void (await signUp(input, await requestClientAddress())),
  redirect: () => "/login?notice=account-created",
});
