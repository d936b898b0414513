// Organization-wide webhooks (administrators): endpoints that hear about every user's changes.
import { AdminHeading } from "@/components/admin/admin-heading";
import { WebhooksPageBody } from "@/components/webhooks/webhooks-page";
import { adminOrForbidden } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { listWebhookDeliveries, listWebhookEndpoints } from "@/lib/services/webhooks";
import {
  createWebhookAction,
  deleteWebhookAction,
  sendWebhookTestAction,
  setWebhookEnabledAction,
  updateWebhookAction,
} from "../../profile/webhooks/actions";

export const metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage() {
  const admin = await adminOrForbidden();
  const endpoints = await listWebhookEndpoints(admin, "organization");
  const logs = await Promise.all(endpoints.map((e) => listWebhookDeliveries(admin, { id: e.id }, 20)));
  return (
    <>
      <AdminHeading title="Webhooks">
        Organization-wide endpoints receive every event, for every user. Members can add their own on their profile.
      </AdminHeading>
      <WebhooksPageBody
        scope="organization"
        endpoints={endpoints}
        deliveries={Object.fromEntries(endpoints.map((e, i) => [e.id, logs[i]]))}
        actions={{
          update: updateWebhookAction,
          setEnabled: setWebhookEnabledAction,
          remove: deleteWebhookAction,
          sendTest: sendWebhookTestAction,
        }}
        create={createWebhookAction}
        tz={await timezoneOf(admin.id)}
      />
    </>
  );
}
