"use server";
// Webhook endpoints: create (the secret is returned once), edit, enable/disable, delete, send a test event.
// Members manage their own; the same actions manage organization-wide endpoints for admins (the
// service decides by the endpoint's owner and refuses "organization" scope to non-admins).
import { defineAction } from "@/lib/action";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  sendWebhookTestEvent,
  setWebhookEnabled,
  updateWebhookEndpoint,
} from "@/lib/services/webhooks";
import { ZCreateWebhook, ZSetWebhookEnabled, ZUpdateWebhook, ZWebhookById } from "@/lib/validation/webhooks";

const PAGES = ["/profile/webhooks", "/admin/webhooks"];

export const createWebhookAction = defineAction({
  name: "webhooks.create",
  access: "user",
  from: "form",
  input: ZCreateWebhook,
  run: async (actor, input) => {
    const { endpoint, secret } = await createWebhookEndpoint(actor, input);
    return { id: endpoint.id, secret };
  },
  revalidate: PAGES,
});

export const updateWebhookAction = defineAction({
  name: "webhooks.update",
  access: "user",
  from: "form",
  input: ZUpdateWebhook,
  run: async (actor, input) => void (await updateWebhookEndpoint(actor, input)),
  revalidate: PAGES,
});

export const setWebhookEnabledAction = defineAction({
  name: "webhooks.set_enabled",
  access: "user",
  from: "form",
  input: ZSetWebhookEnabled,
  run: async (actor, input) => void (await setWebhookEnabled(actor, input)),
  revalidate: [["/", "layout"]],
});

export const deleteWebhookAction = defineAction({
  name: "webhooks.delete",
  access: "user",
  from: "form",
  input: ZWebhookById,
  run: (actor, input) => deleteWebhookEndpoint(actor, input),
  revalidate: [["/", "layout"]],
});

export const sendWebhookTestAction = defineAction({
  name: "webhooks.send_test",
  access: "user",
  from: "form",
  input: ZWebhookById,
  run: (actor, input) => sendWebhookTestEvent(actor, input),
  revalidate: PAGES,
});
