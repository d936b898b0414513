// Admin email page: whether outgoing email is set up (SMTP_URL), and a test email to yourself.
import { AdminHeading } from "@/components/admin/admin-heading";
import { DocLink } from "@/components/ui/doc-link";
import { TestEmailButton } from "@/components/auth/test-email-button";
import { adminOrForbidden } from "@/lib/auth/session";
import { getMailStatus } from "@/lib/services/email";
import { sendTestEmailAction } from "./actions";

export const metadata = { title: "Email" };
export const dynamic = "force-dynamic";

export default async function AdminEmailPage() {
  const admin = await adminOrForbidden();
  const status = await getMailStatus(admin);
  return (
    <>
      <AdminHeading title="Email">Password resets and invitations are sent by email.</AdminHeading>
      <section
        aria-labelledby="smtp-h"
        className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="smtp-h" className="mb-2 text-lg font-semibold">
          Mail server
        </h2>
        {status.configured ? (
          <>
            <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
              Email goes out through <strong>{status.server}</strong> (from <code>SMTP_URL</code>). Send yourself a test
              email to check that it arrives.
            </p>
            {!status.linksReady && (
              <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
                <code>NEXTAUTH_URL</code> is not set, so no password-reset emails are sent: their links must point at
                the public address you configured, never at whatever address a request names.
              </p>
            )}
            <TestEmailButton action={sendTestEmailAction} />
          </>
        ) : (
          <div className="text-sm text-slate-700 dark:text-slate-300">
            <p className="mb-2">
              <strong>Email is not set up.</strong> Without it, people cannot reset a forgotten password themselves, and
              invitations are not mailed: the users page gives you a link to copy and pass on instead.
            </p>
            <p>
              To turn it on, set <code>SMTP_URL</code> (for example{" "}
              <code className="break-all">smtp://user:password@mail.example.com:587</code>) and <code>SMTP_FROM</code>{" "}
              (for example <code>TimeTracker &lt;time@example.com&gt;</code>) and restart the server. See{" "}
              <DocLink name="configuration">configuration</DocLink>.
            </p>
          </div>
        )}
      </section>
    </>
  );
}
