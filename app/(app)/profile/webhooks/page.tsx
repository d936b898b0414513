// Your webhooks: endpoints that hear about your own time entries and timer, and the shared catalog.
import { userOrRedirect } from "@/lib/auth/session";
import { WebhooksSection } from "./webhooks-section";

export const metadata = { title: "Webhooks" };

export default async function ProfileWebhooksPage() {
  const user = await userOrRedirect();
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">Webhooks</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">
        Send your time entries, timer changes and catalog changes to another service as they happen.
      </p>
      <WebhooksSection actor={user} scope="own" />
    </>
  );
}
