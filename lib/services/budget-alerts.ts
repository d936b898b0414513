// Budget alerts for the dashboard. A project's totals cover every entry ever logged on it, which
// at a million entries is a scan of ~100k rows per budgeted project set: too much for a page every
// member opens all day. The totals are therefore kept for up to 30 s per process, so an alert can
// appear up to 30 s after the entry that crossed the threshold. The project page stays exact.
import "server-only";
import type { Actor } from "./actor";
import { allProjectTotals, withoutMoney, type ProjectTotals } from "./project-stats";
import { canSeeMoney } from "./settings";
import type { ProjectDto } from "./projects";

export const BUDGET_ALERT_MAX_AGE_MS = 30_000;

interface Cached {
  at: number;
  totals: ProjectTotals;
}

const g = globalThis as typeof globalThis & { __ttBudgetTotals?: Map<string, Cached> };
const cache = (g.__ttBudgetTotals ??= new Map());

/** The projects among `projects` whose budget or estimate has crossed its alert threshold. */
export async function budgetAlerts(actor: Actor, projects: ProjectDto[], now = Date.now()): Promise<ProjectTotals[]> {
  // Only a project with a budget or an estimate can raise an alert.
  const watched = projects.filter((p) => p.budgetCents !== null || p.estimatedMinutes !== null).map((p) => p.id);
  const stale = watched.filter((id) => {
    const c = cache.get(id);
    return !c || now - c.at >= BUDGET_ALERT_MAX_AGE_MS;
  });
  // The cache is shared by everyone, so it holds the full totals; money is taken out per caller.
  if (stale.length) {
    for (const t of await allProjectTotals(stale)) cache.set(t.projectId, { at: now, totals: t });
  }
  const money = await canSeeMoney(actor);
  return watched.flatMap((id) => {
    const c = cache.get(id);
    const totals = c && (money ? c.totals : withoutMoney(c.totals));
    return totals?.alert ? [totals] : [];
  });
}

/** For tests: forget every cached total. */
export function resetBudgetAlertCache(): void {
  cache.clear();
}
