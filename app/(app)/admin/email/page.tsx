// Admin email page: whether outgoing email is set up (SMTP_URL), and a test email to yourself.
import { getTranslations } from "next-intl/server";
import { AdminHeading } from "@/components/admin/admin-heading";
import { DocLink } from "@/components/ui/doc-link";
import { TestEmailButton } from "@/components/auth/test-email-button";
import { adminOrForbidden } from "@/lib/auth/session";
import { getMailStatus } from "@/lib/services/email";
import { sendTestEmailAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("AdminEmail"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AdminEmailPage() {
  const admin = await adminOrForbidden();
  const status = await getMailStatus(admin);
  const t = await getTranslations("AdminEmail");
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <AdminHeading title={t("title")}>{t("intro")}</AdminHeading>
      <section
        aria-labelledby="smtp-h"
        className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="smtp-h" className="mb-2 text-lg font-semibold">
          {t("server")}
        </h2>
        {status.configured ? (
          <>
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
              {t.rich("configured", {
                server: status.server ?? "",
                strong: (chunks) => <strong>{chunks}</strong>,
                code,
              })}
            </p>
            {!status.linksReady && (
              <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                {t.rich("noLinks", { code })}
              </p>
            )}
            <TestEmailButton action={sendTestEmailAction} />
          </>
        ) : (
          <div className="text-sm text-slate-700 dark:text-slate-300">
            <p className="mb-2">{t.rich("notSetUp", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
            <p>
              {t.rich("howTo", {
                code,
                url: "smtp://user:password@mail.example.com:587",
                from: "TimeTracker <time@example.com>",
                // The example URL is long: it may break anywhere on a phone.
                wrap: (chunks) => <code className="break-all">{chunks}</code>,
                doc: (chunks) => <DocLink name="configuration">{chunks}</DocLink>,
              })}
            </p>
          </div>
        )}
      </section>
    </>
  );
}
