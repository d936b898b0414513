// Your webhooks: endpoints that hear about your own time entries and timer, and the shared catalog.
import { getTranslations } from "next-intl/server";
import { userOrRedirect } from "@/lib/auth/session";
import { WebhooksSection } from "./webhooks-section";

export async function generateMetadata() {
  return { title: (await getTranslations("Webhooks"))("title") };
}

export default async function ProfileWebhooksPage() {
  const user = await userOrRedirect();
  const t = await getTranslations("Webhooks");
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-400">{t("ownIntro")}</p>

      <WebhooksSection actor={user} scope="own" />
    </>
  );
}
