// How much of a project's budget (or estimate) is used, with the alert threshold called out.
import { useTranslations } from "next-intl";
import type { ProjectTotals } from "@/lib/services/project-stats";

export function BudgetBar({ t }: { t: ProjectTotals }) {
  const tr = useTranslations("BudgetBar");
  if (t.consumedPercent === null) return <span className="text-sm text-slate-500">{tr("none")}</span>;
  const pct = Math.min(100, t.consumedPercent);
  return (
    <div className="flex flex-col gap-1" data-testid="budget">
      <div
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-label={tr("label")}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
      >
        <div className={`h-full ${t.alert ? "bg-red-600" : "bg-blue-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <span className={`text-sm ${t.alert ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>
        {t.alert
          ? tr("usedAlert", { percent: String(t.consumedPercent), threshold: String(t.budgetAlertPercent) })
          : tr("used", { percent: String(t.consumedPercent) })}
      </span>
    </div>
  );
}
