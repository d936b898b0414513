// Project forms: client, name, colour, billing defaults, rate, estimate and budget.
import { z } from "zod";
import { ZCheckbox, ZHoursAsMinutes, ZId, zIdOf, ZMoneyCents, zOptionalIdOf } from "./common";

export const ZProject = z.object({
  clientId: zIdOf("a client"),
  name: z.string().trim().min(1, "Enter the project's name.").max(120, "At most 120 characters."),
  description: z.string().trim().max(2000, "At most 2000 characters.").default(""),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour such as #2563eb.")
    .default("#2563eb"),
  billable: ZCheckbox.default(true),
  hourlyRateCents: ZMoneyCents.default(null),
  billingReference: z.string().trim().max(120, "At most 120 characters.").default(""),
  estimatedMinutes: ZHoursAsMinutes.default(null),
  budgetCents: ZMoneyCents.default(null),
  budgetAlertPercent: z.coerce.number().int().min(1, "Between 1 and 100.").max(100, "Between 1 and 100.").default(80),
});
export type TProject = z.input<typeof ZProject>;

export const ZProjectUpdate = ZProject.extend({ id: ZId });
export type TProjectUpdate = z.input<typeof ZProjectUpdate>;

/** A project made from the timer's project picker: a name, and an existing client or a new one's name. */
export const ZQuickProject = z
  .object({
    name: ZProject.shape.name,
    clientId: zOptionalIdOf("a client").default(null),
    clientName: z.string().trim().max(120, "At most 120 characters.").default(""),
  })
  .refine((v) => v.clientId || v.clientName, {
    message: "Choose a client or type a new client's name.",
    path: ["clientName"],
  });
export type TQuickProject = z.input<typeof ZQuickProject>;
