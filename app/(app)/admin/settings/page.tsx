// Admin settings page: the organization's settings in one form. Administrators only.
import { AdminHeading } from "@/components/admin/admin-heading";
import { adminOrForbidden } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/services/settings";
import { SettingsForm } from "./_components/settings-form";

export const metadata = { title: "Settings" };

export default async function AdminSettingsPage() {
  await adminOrForbidden();
  const s = await getOrgSettings();
  return (
    <>
      <AdminHeading title="Settings">These apply to everyone in the organization.</AdminHeading>
      <SettingsForm
        zones={Intl.supportedValuesOf("timeZone")}
        values={{
          name: s.name,
          timezone: s.timezone,
          currency: s.currency,
          weekStart: String(s.weekStart),
          roundingMinutes: String(s.roundingMinutes),
          roundingMode: s.roundingMode,
          idleTimeoutMinutes: String(s.idleTimeoutMinutes),
          csvDelimiter: s.csvDelimiter === "\t" ? "tab" : s.csvDelimiter,
          selfRegistration: s.selfRegistration,
          membersSeeMoney: s.membersSeeMoney,
        }}
      />
    </>
  );
}
