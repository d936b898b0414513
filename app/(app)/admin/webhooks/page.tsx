// Organization-wide webhooks (administrators): endpoints that hear about every user's changes.
import { getTranslations } from "next-intl/server";
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { WebhooksSection } from "../../profile/webhooks/webhooks-section";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminWebhooks"))("title") };
}

export default async function AdminWebhooksPage() {
  const admin = await adminOrForbidden();
  const t = await getTranslations("AdminWebhooks");
  return (
    <>
      <AdminHeading title={t("title")}>{t("intro")}</AdminHeading>

      <WebhooksSection actor={admin} scope="organization" />
    </>
  );
}
