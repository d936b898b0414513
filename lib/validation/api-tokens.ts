// Personal access tokens for the REST API: their scopes and the create form's schema.
import { z } from "zod";
import { API_SCOPES, TOKEN_EXPIRY_DAYS } from "./choices";
import { ZId } from "./common";

export { API_SCOPES, TOKEN_EXPIRY_DAYS, type ApiScope } from "./choices";
export const ZApiScope = z.enum(API_SCOPES, { message: "Choose a valid scope." });

export const ZCreateApiToken = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(80, "At most 80 characters."),
  // A form sends one value as a string and several as an array.
  scopes: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(ZApiScope).min(1, "Choose at least one scope.").max(API_SCOPES.length),
  ),
  expiresIn: z.enum(TOKEN_EXPIRY_DAYS, { message: "Choose when the token expires." }).default("90"),
});
export type TCreateApiToken = z.input<typeof ZCreateApiToken>;

export const ZRevokeApiToken = z.object({ id: ZId });
export type TRevokeApiToken = z.input<typeof ZRevokeApiToken>;
