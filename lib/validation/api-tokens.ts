// Personal access tokens for the REST API: their scopes and the create form's schema.
import { z } from "zod";
import { ZId } from "./common";

/** What a token may do. `X:write` does not imply `X:read`; `admin` is needed for the admin routes
 * and only works while the token's owner is an administrator. */
export const API_SCOPES = [
  "entries:read",
  "entries:write",
  "projects:read",
  "projects:write",
  "clients:read",
  "clients:write",
  "tasks:read",
  "tasks:write",
  "tags:read",
  "tags:write",
  "reports:read",
  "timer:write",
  "expenses:read",
  "expenses:write",
  "invoices:read",
  "invoices:write",
  "admin",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const ZApiScope = z.enum(API_SCOPES, { message: "Choose a valid scope." });

export const TOKEN_EXPIRY_DAYS = ["7", "30", "90", "365", "never"] as const;

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
