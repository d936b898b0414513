// The webhook endpoints of one scope with their delivery logs, wired to the webhook actions: the body
// of both webhook pages (yours on the profile, the organization's for admins).
import { WebhooksPageBody } from "@/components/webhooks/webhooks-page";
import type { Actor } from "@/lib/services/actor";
import { timezoneOf } from "@/lib/services/entry-input";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/services/webhooks";
import {
  createWebhookAction,
  deleteWebhookAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
  updateWebhookAction,
} from "./actions";

export async function WebhooksSection({
  actor,
  scope,
}: {
  actor: Actor & { id: string };
  scope: "own" | "organization";
}) {
  const endpoints = await listWebhookEndpoints(actor, scope);
  const logs = await Promise.all(endpoints.map((e) => listWebhookDeliveries(actor, { id: e.id }, 20)));
  return (
    <WebhooksPageBody
      scope={scope}
      endpoints={endpoints}
      deliveries={Object.fromEntries(endpoints.map((e, i) => [e.id, logs[i]]))}
      actions={{
        update: updateWebhookAction,
        setEnabled: setWebhookEnabledAction,
        remove: deleteWebhookAction,
        sendTest: sendWebhookTestAction,
      }}
      create={createWebhookAction}
      tz={await timezoneOf(actor.id)}
    />
  );
}
