// Dashboard: today's and this week's totals (running timer included), hours by project this
// week, budget alerts, and recent entries to restart in one click.
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { formatHours } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { dashboardData } from "@/lib/services/dashboard";
import { SummaryChart } from "@/components/reports/summary-chart";
import { RecentEntries } from "@/components/timer/recent-entries";
import { restartEntryAction } from "./timer/actions";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await userOrRedirect();
  const { today, week, running, recent, alerts, projectNames: names } = await dashboardData(user);
  const byProject = new Map<string, number>();
  for (const c of week.cells) byProject.set(c.projectName, (byProject.get(c.projectName) ?? 0) + c.seconds);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="mb-1 text-2xl font-semibold">Dashboard</h1>
        <p className="text-slate-600 dark:text-slate-400" data-testid="welcome">
          Welcome, {user.fullName || user.username}.
        </p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <dt className="text-sm text-slate-500">Today</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="today-total">
            {formatHours(week.dayTotals[today] ?? 0)}
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <dt className="text-sm text-slate-500">This week</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="week-total">
            {formatHours(week.totalSeconds)}
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <dt className="text-sm text-slate-500">Timer</dt>
          <dd className="text-lg font-semibold">
            {running ? (
              `${running.projectName}${running.taskName ? ` · ${running.taskName}` : ""}`
            ) : (
              <Link href="/timer" className="text-blue-700 underline">
                Start a timer
              </Link>
            )}
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
