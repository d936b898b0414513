// Admin home: links to settings, users and telemetry. Administrators only; others get a refusal.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BackupDownload } from "@/components/admin/backup-download";
import { adminOrForbidden } from "@/lib/auth/session";

export async function generateMetadata() {
  return { title: (await getTranslations("Admin"))("title") };
}

const SECTIONS = [
  { href: "/admin/settings", key: "settings" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/security", key: "security" },
  { href: "/admin/tokens", key: "tokens" },
  { href: "/admin/invitations", key: "invitations" },
  { href: "/admin/email", key: "email" },
  { href: "/admin/webhooks", key: "webhooks" },
  { href: "/admin/telemetry", key: "telemetry" },
] as const;

export default async function AdminPage() {
  await adminOrForbidden();
  const t = await getTranslations("Admin");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <ul className="grid gap-4 md:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-500 focus:border-blue-500 dark:border-slate-800 dark:bg-slate-900"
            >
              <h2 className="mb-1 text-lg font-semibold">{t(`${s.key}Title`)}</h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">{t(`${s.key}Text`)}</p>
            </Link>
          </li>
        ))}
      </ul>
      <section
        aria-labelledby="backup-h"
        className="mt-8 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="backup-h" className="mb-1 text-lg font-semibold">
          {t("backupTitle")}
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          {t.rich("backupText", { code: (chunks) => <code>{chunks}</code> })}
        </p>

        {/* A link that works without JavaScript; with it, the download shows rows done and a progress bar. */}
        <BackupDownload />
      </section>
    </>
  );
}
