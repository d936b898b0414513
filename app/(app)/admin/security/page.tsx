// Admin → sign-in security: the organization's two-factor policy. Administrators only.
import { getTranslations } from "next-intl/server";
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/services/settings";
import { PolicyForm } from "./_components/policy-form";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminSecurity"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AdminSecurityPage() {
  await adminOrForbidden();
  const s = await getOrgSettings();
  const t = await getTranslations("AdminSecurity");
  return (
    <>
      <AdminHeading title={t("title")}>{t("intro")}</AdminHeading>

      <PolicyForm policy={s.twoFactorPolicy} graceDays={s.twoFactorGraceDays} />
    </>
  );
}
