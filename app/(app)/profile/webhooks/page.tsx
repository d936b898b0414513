// Your webhooks: endpoints that hear about your own time entries and timer, and the shared catalog.
import { WebhooksPageBody } from "@/components/webhooks/webhooks-page";
import { userOrRedirect } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/services/webhooks";
import {
  createWebhookAction,
  deleteWebhookAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
  updateWebhookAction,
} from "./actions";

export const metadata = { title: "Webhooks" };

export default async function ProfileWebhooksPage() {
  const user = await userOrRedirect();
  const endpoints = await listWebhookEndpoints(user, "own");
  const logs = await Promise.all(endpoints.map((e) => listWebhookDeliveries(user, { id: e.id }, 20)));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Webhooks</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">
        Send your time entries, timer changes and catalog changes to another service as they happen.
      </p>
      <WebhooksPageBody
        scope="own"
        endpoints={endpoints}
        deliveries={Object.fromEntries(endpoints.map((e, i) => [e.id, logs[i]]))}
        actions={{
          update: updateWebhookAction,
          setEnabled: setWebhookEnabledAction,
          remove: deleteWebhookAction,
          sendTest: sendWebhookTestAction,
        }}
        create={createWebhookAction}
        tz={await timezoneOf(user.id)}
      />
    </>
  );
}
