// Webhook endpoint forms: the URL, which events, the scope (yours or the organization's), enable/disable.
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { ZCheckbox, ZId } from "./common";

export const ZWebhookScope = z.enum(["own", "organization"]);

const ZUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the events.")
  .max(2000, "At most 2000 characters.")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password;
    } catch {
      return false;
    }
  }, "Enter an http:// or https:// URL without a user name or password.");

/** A form sends one value or several for a multi-select. */
const ZEvents = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "Choose events from the list." }))
    .min(1, "Choose at least one event.")
    .transform((a) => [...new Set(a)]),
);

export const ZCreateWebhook = z.object({
  scope: ZWebhookScope.default("own"),
  url: ZUrl,
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
  events: ZEvents,
});
export type TCreateWebhook = z.input<typeof ZCreateWebhook>;

export const ZUpdateWebhook = z.object({
  id: ZId,
  url: ZUrl,
  description: ZCreateWebhook.shape.description,
  events: ZEvents,
});
export type TUpdateWebhook = z.input<typeof ZUpdateWebhook>;

export const ZSetWebhookEnabled = z.object({
  id: ZId,
  enabled: ZCheckbox,
});
export type TSetWebhookEnabled = z.input<typeof ZSetWebhookEnabled>;

export const ZWebhookById = z.object({ id: ZId });
export type TWebhookById = z.input<typeof ZWebhookById>;
