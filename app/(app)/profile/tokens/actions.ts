"use server";
// Personal access tokens on the profile: create one (its secret is returned once, to be shown once)
// and revoke one of the caller's own.
import { defineAction } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/services/api-tokens";
import { ZCreateApiToken, ZRevokeApiToken } from "@/lib/validation/api-tokens";

export const createApiTokenAction = defineAction({
  name: "api_tokens.create",
  access: "user",
  from: "form",
  input: ZCreateApiToken,
  run: async (actor, input) => {
    const { token, secret } = await createApiToken(actor, input);
    return { id: token.id, name: token.name, secret };
  },
  revalidate: ["/profile/tokens"],
});

export const revokeApiTokenAction = defineAction({
  name: "api_tokens.revoke",
  access: "user",
  from: "form",
  input: ZRevokeApiToken,
  run: (actor, input) => revokeApiToken(actor, input),
  revalidate: ["/profile/tokens"],
});
