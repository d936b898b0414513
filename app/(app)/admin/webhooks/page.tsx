// Organization-wide webhooks (administrators): endpoints that hear about every user's changes.
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { WebhooksSection } from "../../profile/webhooks/webhooks-section";

export const metadata = { title: "Webhooks" };

export default async function AdminWebhooksPage() {
  const admin = await adminOrForbidden();
  return (
    <>
      <AdminHeading title="Webhooks">
        Organization-wide endpoints receive every event, for every user. Members can add their own on their profile.
      </AdminHeading>
      <WebhooksSection actor={admin} scope="organization" />
    </>
  );
}
