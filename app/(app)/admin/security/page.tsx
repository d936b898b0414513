// Admin → sign-in security: the organization's two-factor policy. Administrators only.
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/services/settings";
import { PolicyForm } from "./_components/policy-form";

export const metadata = { title: "Sign-in security" };
export const dynamic = "force-dynamic";

export default async function AdminSecurityPage() {
  await adminOrForbidden();
  const s = await getOrgSettings();
  return (
    <>
      <AdminHeading title="Sign-in security">
        Who must use two-factor sign-in (an authenticator app after the password). Anyone can turn it on for themselves
        under Profile → Two-factor sign-in. A user who lost their authenticator and recovery codes can be reset from
        their account page.
      </AdminHeading>
      <PolicyForm policy={s.twoFactorPolicy} graceDays={s.twoFactorGraceDays} />
    </>
  );
}
