"use server";
// Admins: revoke anyone's personal access token.
import { defineAction } from "@/lib/action";
import { revokeAnyApiToken } from "@/lib/services/api-tokens-admin";
import { ZRevokeApiToken } from "@/lib/validation/api-tokens";

export const revokeAnyApiTokenAction = defineAction({
  name: "admin.api_tokens.revoke",
  access: "admin",
  from: "form",
  input: ZRevokeApiToken,
  run: (actor, input) => revokeAnyApiToken(actor, input),
  revalidate: ["/admin/tokens"],
});
