// The installation wizard's steps, validated the same way in the browser's round trips and on the
// final submit (which re-checks every step).
import { z } from "zod";
import { ZCheckbox } from "./common";
import { ZOrgSettings } from "./settings";
import { ZEmail, ZFullName, ZPassword, ZUsername } from "./users";

const adminShape = {
  username: ZUsername,
  email: ZEmail,
  fullName: ZFullName.optional().default(""),
  password: ZPassword,
  confirmPassword: z.string().max(200),
};
const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "The two passwords differ." };

export const ZSetupAdmin = z.object(adminShape).refine(passwordsMatch, mismatch);

export const ZSetupOrg = ZOrgSettings.pick({
  name: true,
  timezone: true,
  currency: true,
  weekStart: true,
  roundingMinutes: true,
  roundingMode: true,
});

export const ZSetupPrivacy = z.object({ telemetry: ZCheckbox, productAnalytics: ZCheckbox });

export const ZCompleteSetup = z
  .object({ ...adminShape, ...ZSetupOrg.shape, ...ZSetupPrivacy.shape })
  .refine(passwordsMatch, mismatch);
export type TCompleteSetup = z.input<typeof ZCompleteSetup>;

export const SETUP_STEPS = ["welcome", "admin", "organization", "privacy"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const STEP_SCHEMAS = { admin: ZSetupAdmin, organization: ZSetupOrg, privacy: ZSetupPrivacy } as const;

/** One step's fields and which step they are. */
export const ZSetupStep = z.object({
  step: z.enum(["admin", "organization", "privacy"], { message: "Unknown setup step." }),
});
export type TSetupStep = z.input<typeof ZSetupStep> & Record<string, unknown>;

/**
 * What the wizard's actions accept before the setup rule is checked: any text fields. Once setup
 * is complete every submission gets CONFLICT, whatever it holds, so the services check the setup
 * state first and the step schemas after.
 */
const SETUP_TEXT = z.string().max(10_000, "Too long.");
export const ZSetupFields = z
  .record(z.string().max(64), z.union([SETUP_TEXT, z.array(SETUP_TEXT).max(20)]))
  .refine((o) => Object.keys(o).length <= 50, "Too many fields.");
export type TSetupFields = z.input<typeof ZSetupFields>;
