// Sessions page: every browser or device where you are signed in (a coarse device label and when it
// was last used; no addresses are kept), with a way to end each one or all the others.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSessionId, userOrRedirect } from "@/lib/auth/session";
import { listMySessions } from "@/lib/services/my-sessions";
import { effectiveTimezone } from "@/lib/services/settings";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Sessions"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SessionsPage() {
  const user = await userOrRedirect();
  const [sessions, current, zone, t] = await Promise.all([
    listMySessions(user),
    currentSessionId(),
    effectiveTimezone(user.timezone),
    getTranslations("Sessions"),
  ]);
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  const others = sessions.filter((s) => s.id !== current);
  return (
    <section aria-labelledby="sessions-h" className="max-w-3xl">
      <Link href="/profile" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
        {t("back")}
      </Link>
      <h1 id="sessions-h" className="mt-1 mb-1 text-2xl font-semibold">
        {t("heading")}
      </h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      {sessions.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <strong>{s.deviceLabel || t("unknown")}</strong>
                {s.id === current && (
                  <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-900 dark:bg-green-900 dark:text-green-100">
                    {t("thisBrowser")}
                  </span>
                )}
                <span className="block text-slate-600 dark:text-slate-400">
                  {t("used", { lastSeen: fmt.format(s.lastSeenAt), created: fmt.format(s.createdAt) })}
                </span>
              </span>
              {s.id !== current && (
                <ActionButton
                  action={endSessionAction}
                  fields={{ id: s.id }}
                  label={t("signOut")}
                  confirm={t("signOutConfirm")}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <div className="mt-4">
          <ActionButton
            action={endOtherSessionsAction}
            fields={{}}
            label={t("signOutOthers")}
            variant="danger"
            confirm={t("signOutOthersConfirm", { count: others.length })}
          />
        </div>
      )}
    </section>
  );
}
