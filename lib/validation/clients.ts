// Client forms: name (unique), contact details and the default hourly rate.
import { z } from "zod";
import { ZId, ZMoneyCents } from "./common";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default("");

export const ZClient = z.object({
  name: z.string().trim().min(1, "Enter the client's name.").max(120, "At most 120 characters."),
  contact: text(120),
  email: z.union([z.literal(""), z.email("Enter a valid email address.")]).default(""),
  phone: text(40),
  address: text(500),
  defaultHourlyRateCents: ZMoneyCents.default(null),
});
export type TClient = z.input<typeof ZClient>;

export const ZClientUpdate = ZClient.extend({ id: ZId });
export type TClientUpdate = z.input<typeof ZClientUpdate>;
