// Admin home: links to settings, users and telemetry. Administrators only; others get a refusal.
import Link from "next/link";
import { BackupDownload } from "@/components/admin/backup-download";
import { adminOrForbidden } from "@/lib/auth/session";

export const metadata = { title: "Admin" };

const SECTIONS = [
  {
    href: "/admin/settings",
    title: "Settings",
    text: "Organization name, time zone, currency, week start, rounding, idle timeout, CSV export, self-registration.",
  },
  {
    href: "/admin/users",
    title: "Users",
    text: "Create accounts, edit them, change roles, reset passwords, deactivate and reactivate.",
  },
  {
    href: "/admin/security",
    title: "Sign-in security",
    text: "Require two-factor sign-in for administrators or everyone, with a grace period.",
  },
  {
    href: "/admin/tokens",
    title: "API tokens",
    text: "Every user's personal access tokens for the REST API: scopes, last use, expiry; revoke any.",
  },
  {
    href: "/admin/invitations",
    title: "Invitations",
    text: "Invite people by email or with a link to pass on; who may sign up themselves.",
  },
  {
    href: "/admin/email",
    title: "Email",
    text: "Whether outgoing email (SMTP) is set up, and a test email to yourself.",
  },
  {
    href: "/admin/webhooks",
    title: "Webhooks",
    text: "Organization-wide endpoints that receive every change, signed; their delivery logs.",
  },
  {
    href: "/admin/telemetry",
    title: "Telemetry & privacy",
    text: "What this installation records and sends, the exact telemetry payload, and the switches.",
  },
];

export default async function AdminPage() {
  await adminOrForbidden();
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Admin</h1>
      <ul className="grid gap-4 md:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-500 focus:border-blue-500 dark:border-slate-800 dark:bg-slate-900"
            >
              <h2 className="mb-1 text-lg font-semibold">{s.title}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">{s.text}</p>
            </Link>
          </li>
        ))}
      </ul>
      <section
        aria-labelledby="backup-h"
        className="mt-8 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="backup-h" className="mb-1 text-lg font-semibold">
          Backup
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          A consistent snapshot of all data as one compressed file, with its progress shown below while it downloads.
          Restore it into an empty database with <code>npm run restore -- FILE</code>; see docs/deployment.md.
        </p>
        {/* A link that works without JavaScript; with it, the download shows rows done and a progress bar. */}
        <BackupDownload />
      </section>
    </>
  );
}
