// Dashboard: the timer card (the top bar's timer, larger), today's and this week's totals (running
// timer included), a nudge for time without a project, hours by project this week, budget alerts,
// and recent entries to restart in one click.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatHours } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { dashboardData } from "@/lib/services/dashboard";
import { SummaryChart } from "@/components/reports/summary-chart";
import { RecentEntries } from "@/components/timer/recent-entries";
import { TimerBar } from "@/components/timer/timer-bar";
import { restartEntryAction } from "./timer/actions";
import { runningTimerOf, timerActions } from "./timer/timer-props";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await userOrRedirect();
  const { today, week, running, recent, alerts, projectNames: names } = await dashboardData(user);
  const byProject = new Map<string, number>();
  const noProject = (await getTranslations("Common"))("noProject");
  const t = await getTranslations("Dashboard");
  let withoutProject = 0;
  for (const c of week.cells) {
    const name = c.projectName ?? noProject;
    byProject.set(name, (byProject.get(name) ?? 0) + c.seconds);
    if (!c.projectId) withoutProject += c.seconds;
  }
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="mb-1 text-2xl font-semibold">Dashboard</h1>
        <p className="text-slate-600 dark:text-slate-400" data-testid="welcome">
          Welcome, {user.fullName || user.username}.
        </p>
      </div>
      <section
        aria-labelledby="timer-card-h"
        className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
      >
        <h2 id="timer-card-h" className="mb-3 text-lg font-semibold">
          {t("timerCard")}
        </h2>
        <TimerBar variant="card" running={runningTimerOf(running)} actions={timerActions} />
        {!running && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("startHint")}</p>}
      </section>
      {withoutProject > 0 && (
        <p
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          data-testid="no-project-nudge"
        >
          {t("noProjectTime", { hours: formatHours(withoutProject) })}{" "}
          <Link href="/entries" className="font-medium underline">
            {t("fillIn")}
          </Link>
        </p>
      )}
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Today</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="today-total">
            {formatHours(week.dayTotals[today] ?? 0)}
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <dt className="text-sm text-slate-600 dark:text-slate-400">This week</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="week-total">
            {formatHours(week.totalSeconds)}
          </dd>
        </div>
      </dl>
      {alerts.length > 0 && (
        <section
          aria-labelledby="alerts-h"
          className="rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950"
        >
          <h2 id="alerts-h" className="mb-1 font-semibold">
            Budget alerts
          </h2>
          <ul className="text-sm">
            {alerts.map((a) => (
              <li key={a.projectId}>
                <Link href={`/projects/${a.projectId}`} className="underline">
                  {names.get(a.projectId)}
                </Link>
                : {a.consumedPercent}% of its budget used (alert at {a.budgetAlertPercent}%).
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="chart-h">
          <h2 id="chart-h" className="mb-2 text-xl font-semibold">
            Hours by project this week
          </h2>
          {byProject.size ? (
            <SummaryChart bars={[...byProject].map(([label, seconds]) => ({ label, seconds }))} />
          ) : (
            <EmptyState title="Nothing tracked yet">
              Start a timer or add an entry, and your day and week will show here.
            </EmptyState>
          )}
        </section>
        <RecentEntries entries={recent.entries} restart={restartEntryAction} />
      </div>
    </div>
  );
}
