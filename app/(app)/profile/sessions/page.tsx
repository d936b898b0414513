// Sessions page: every browser or device where you are signed in (a coarse device label and when it
// was last used; no addresses are kept), with a way to end each one or all the others.
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { EmptyState } from "@/components/ui/empty-state";
import { currentSessionId, userOrRedirect } from "@/lib/auth/session";
import { listMySessions } from "@/lib/services/my-sessions";
import { effectiveTimezone } from "@/lib/services/settings";
import { endOtherSessionsAction, endSessionAction } from "./actions";

export const metadata = { title: "Sessions" };
export const dynamic = "force-dynamic";

export default async function SessionsPage() {
  const user = await userOrRedirect();
  const [sessions, current, zone] = await Promise.all([
    listMySessions(user),
    currentSessionId(),
    effectiveTimezone(user.timezone),
  ]);
  const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  const others = sessions.filter((s) => s.id !== current);
  return (
    <section aria-labelledby="sessions-h" className="max-w-3xl">
      <Link href="/profile" className="text-sm text-blue-700 hover:underline dark:text-blue-400">
        ← Profile
      </Link>
      <h1 id="sessions-h" className="mt-1 mb-1 text-2xl font-semibold">
        Where you are signed in
      </h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        Each browser or app you signed in with. Last use is updated every few minutes. No addresses or locations are
        kept.
      </p>
      {sessions.length === 0 ? (
        <EmptyState title="No sessions">Sign in again to see this browser here.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 p-3 text-sm">
              <span>
                <strong>{s.deviceLabel || "Unknown browser"}</strong>
                {s.id === current && (
                  <span className="ml-2 rounded bg-green-100 px-1.5 py-0.5 text-xs text-green-900 dark:bg-green-900 dark:text-green-100">
                    This browser
                  </span>
                )}
                <span className="block text-slate-600 dark:text-slate-400">
                  Last used {fmt.format(s.lastSeenAt)} · signed in {fmt.format(s.createdAt)}
                </span>
              </span>
              {s.id !== current && (
                <ActionButton
                  action={endSessionAction}
                  fields={{ id: s.id }}
                  label="Sign out"
                  confirm="Sign out this session?"
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
            label="Sign out all other sessions"
            variant="danger"
            confirm={`Sign out ${others.length} other ${others.length === 1 ? "session" : "sessions"}?`}
          />
        </div>
      )}
    </section>
  );
}
