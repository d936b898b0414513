// How much of a project's budget (or estimate) is used, with the alert threshold called out.
import type { ProjectTotals } from "@/lib/services/project-stats";

export function BudgetBar({ t }: { t: ProjectTotals }) {
  if (t.consumedPercent === null) return <span className="text-sm text-slate-500">No budget or estimate</span>;
  const pct = Math.min(100, t.consumedPercent);
  return (
    <div className="flex flex-col gap-1" data-testid="budget">
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-label="Budget used"
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className={`h-full ${t.alert ? "bg-red-600" : "bg-blue-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <span className={`text-sm ${t.alert ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>
        {t.consumedPercent}% used{t.alert ? ` — over the ${t.budgetAlertPercent}% alert threshold` : ""}
      </span>
    </div>
  );
}
