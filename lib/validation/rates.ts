// Hourly rates: which level a rate belongs to, from when, and how much (typed as a decimal amount,
// parsed in the service with the currency's own digits).
import { z } from "zod";
import { ZDateKey, zIdOf, zOptionalIdOf } from "./common";

export const RATE_LEVELS = ["project_member", "project", "member", "client", "organization"] as const;
export type RateLevel = (typeof RATE_LEVELS)[number];

export const ZRate = z
  .object({
    level: z.enum(RATE_LEVELS, { message: "Choose what the rate applies to." }),
    clientId: zOptionalIdOf("a client").default(null),
    projectId: zOptionalIdOf("a project").default(null),
    userId: zOptionalIdOf("a person").default(null),
    effectiveFrom: ZDateKey,
    hourlyRate: z
      .string({ message: "Enter an amount such as 85 or 85.50." })
      .trim()
      .min(1, "Enter an amount such as 85 or 85.50.")
      .max(20, "Enter an amount such as 85 or 85.50."),
  })
  .superRefine((r, ctx) => {
    const need = (key: "clientId" | "projectId" | "userId", message: string) => {
      if (!r[key]) ctx.addIssue({ code: "custom", path: [key], message });
    };
    if (r.level === "project_member" || r.level === "project") need("projectId", "Choose a project.");
    if (r.level === "project_member" || r.level === "member") need("userId", "Choose a person.");
    if (r.level === "client") need("clientId", "Choose a client.");
  });
export type TRate = z.input<typeof ZRate>;

export const ZRateScope = z.object({
  projectId: zIdOf("a project").optional(),
  userId: zIdOf("a person").optional(),
  clientId: zIdOf("a client").optional(),
});
export type TRateScope = z.input<typeof ZRateScope>;
