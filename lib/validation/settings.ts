// Organization settings: shared by the setup wizard, the admin settings page and the server.
import { z } from "zod";
import { ZTimezone } from "./users";

export const ROUNDING_MINUTES = [0, 1, 5, 6, 10, 15, 30] as const;

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
  csvDelimiter: z.enum([",", ";", "\t"], { message: "Choose comma, semicolon or tab." }),
  selfRegistration: z.coerce.boolean(),
});
export type TOrgSettings = z.infer<typeof ZOrgSettings>;
