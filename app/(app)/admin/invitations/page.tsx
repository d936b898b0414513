// Admin invitations page: invite people by email (or a link to copy), the open invitations, and
// self-registration's allowed domains. Administrators only.
import { getTranslations } from "next-intl/server";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ActionButton } from "@/components/forms/action-button";
import { InviteForm } from "@/components/auth/invite-form";
import { SignupDomainsForm } from "@/components/auth/signup-domains-form";
import { EmptyState } from "@/components/ui/empty-state";
import { adminOrForbidden } from "@/lib/auth/session";
import { linkMailReady } from "@/lib/mail/send";
import { INVITE_TTL_DAYS, listInvitations } from "@/lib/services/invitations";
import { getOrgSettings } from "@/lib/services/settings";
import { createInvitationAction, revokeInvitationAction, setSignupDomainsAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminInvitations"))("title") };
}
export const dynamic = "force-dynamic";

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function AdminInvitationsPage() {
  const admin = await adminOrForbidden();
  const [open, settings, t] = await Promise.all([
    listInvitations(admin),
    getOrgSettings(),
    getTranslations("AdminInvitations"),
  ]);
  const mailReady = linkMailReady();
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: settings.timezone });
  return (
    <>
      <AdminHeading title={t("title")}>{t("intro", { days: INVITE_TTL_DAYS })}</AdminHeading>
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="invite-h" className={card}>
          <h2 id="invite-h" className="mb-3 text-lg font-semibold">
            {t("invite")}
          </h2>
          {!mailReady && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("noMail")}</p>}
          <InviteForm action={createInvitationAction} mailReady={mailReady} />
        </section>
        <section aria-labelledby="signup-h" className={card}>
          <h2 id="signup-h" className="mb-3 text-lg font-semibold">
            {t("selfRegistration")}
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {settings.selfRegistration ? (mailReady ? t("signupOnMail") : t("signupOnNoMail")) : t("signupOff")}
          </p>
          <SignupDomainsForm action={setSignupDomainsAction} value={settings.signupDomains} />
        </section>
      </div>
      <section aria-labelledby="open-h" className="mt-8">
        <h2 id="open-h" className="mb-3 text-lg font-semibold">
          {t("open")}
        </h2>
        {open.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {open.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
                <span>
                  {t.rich("row", {
                    email: i.email,
                    role: i.role,
                    date: fmt.format(i.expiresAt),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                </span>
                <ActionButton
                  action={revokeInvitationAction}
                  fields={{ id: i.id }}
                  label={t("revoke")}
                  variant="danger"
                  confirm={t("revokeConfirm")}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
