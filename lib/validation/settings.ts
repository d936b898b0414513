// Organization settings: shared by the setup wizard, the admin settings page and the server.
import { z } from "zod";
import { ROUNDING_MINUTES } from "./choices";
import { ZCheckbox } from "./common";
import { ZRole, ZTimezone } from "./users";

/** "example.com, Example.org" → "example.com,example.org"; "" = any domain. */
export const ZSignupDomains = z
  .string()
  .max(1000, "At most 1000 characters.")
  .transform((v) =>
    v
      .split(/[\s,;]+/)
      .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
      .filter(Boolean),
  )
  .refine(
    (ds) => ds.every((d) => /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(d)),
    "List domains such as example.com, separated by commas.",
  )
  .transform((ds) => [...new Set(ds)].join(","));

export { ROUNDING_MINUTES } from "./choices";

export const ZOrgSettings = z.object({
  name: z.string().trim().min(1, "Enter the organization's name.").max(120, "At most 120 characters."),
  timezone: ZTimezone,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as EUR or USD."),
  weekStart: z.coerce.number().int().min(0, "Choose a day.").max(6, "Choose a day."),
  roundingMinutes: z.coerce
    .number()
    .int()
    .refine((v) => (ROUNDING_MINUTES as readonly number[]).includes(v), "Choose none, 1, 5, 6, 10, 15 or 30 minutes."),
  roundingMode: z.enum(["up", "down", "nearest"]),
  idleTimeoutMinutes: z.coerce.number().int().min(0, "0 turns idle detection off.").max(480, "At most 480 minutes."),
  // The form's select says "tab" (a literal tab does not survive as an option value).
  csvDelimiter: z.preprocess(
    (v) => (v === "tab" ? "\t" : v),
    z.enum([",", ";", "\t"], { message: "Choose comma, semicolon or tab." }),
  ),
  selfRegistration: ZCheckbox,
  signupDomains: ZSignupDomains.default(""),
  /** Members see rates, amounts and budgets; off by default (admins always see them). */
  membersSeeMoney: ZCheckbox,
  // No .default() on these: inside ZOrgSettingsUpdate (partial) a default would overwrite the stored value.
  /** Single sign-on: how a first SSO login finds an existing account. */
  ssoLinkBy: z.enum(["email", "subject"], { message: "Choose by verified email or by subject only." }),
  /** Single sign-on: create accounts on first login, with this role (unless the admin group says admin). */
  ssoJitEnabled: ZCheckbox,
  ssoDefaultRole: ZRole,
  /** Single sign-on only: the login page hides the password form (when SSO is configured). */
  ssoOnly: ZCheckbox,
});
export type TOrgSettings = z.infer<typeof ZOrgSettings>;

/**
 * A change to the settings: the admin form sends its fields, the invitations page the sign-up domains,
 * a script or test a few. A field left out keeps its value (no defaults here: a default would reset it).
 */
export const ZOrgSettingsUpdate = ZOrgSettings.extend({ signupDomains: ZSignupDomains }).partial();
export type TOrgSettingsUpdate = z.input<typeof ZOrgSettingsUpdate>;

/** An on/off switch (telemetry, product analytics): "true"/"on" → true; anything else → false. */
export const ZEnabled = z.object({ enabled: ZCheckbox });
export type TEnabled = z.input<typeof ZEnabled>;
