// Per-project totals for the project page, the dashboard's budget alerts and the project list.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "./actor";
import { MINUTE_SECONDS_SQL, RATE_SQL } from "./reports";
import { canSeeMoney } from "./settings";

export interface ProjectTotals {
  projectId: string;
  seconds: number;
  billableSeconds: number;
  /** Billable time plus billable expenses. Null, like the budget, for a member when the
   * organization keeps money from members. */
  amountCents: number | null;
  /** The billable expenses' part of the amount (minor units of the client's currency); null likewise. */
  expenseCents: number | null;
  budgetCents: number | null;
  estimatedMinutes: number | null;
  budgetAlertPercent: number;
  /** Percentage of the budget (amount) or else the estimate (hours) used; null without either. */
  consumedPercent: number | null;
  alert: boolean;
}

/** Totals over everyone's entries: budgets are the project's, not one person's (every member sees
 * them, amounts and budget only when they may see money). */
export async function projectTotals(actor: Actor, projectIds?: string[]): Promise<ProjectTotals[]> {
  const [rows, money] = await Promise.all([allProjectTotals(projectIds), canSeeMoney(actor)]);
  return money ? rows : rows.map(withoutMoney);
}

function consumption(amountCents: number | null, budget: number | null, seconds: number, est: number | null) {
  return budget && amountCents !== null ? (amountCents / budget) * 100 : est ? (seconds / 60 / est) * 100 : null;
}

/** The totals as someone who may not see money sees them: no amount or budget, and the consumption
 * (and so the alert) from the estimate alone, so no ratio of money shows either. */
export function withoutMoney(t: ProjectTotals): ProjectTotals {
  const consumed = consumption(null, null, t.seconds, t.estimatedMinutes);
  return {
    ...t,
    amountCents: null,
    expenseCents: null,
    budgetCents: null,
    consumedPercent: consumed === null ? null : Math.round(consumed * 10) / 10,
    alert: consumed !== null && consumed >= t.budgetAlertPercent,
  };
}

/** Everything, money included, whoever asks: for callers that redact themselves (the shared
 * budget-alert cache). */
export async function allProjectTotals(projectIds?: string[]): Promise<ProjectTotals[]> {
  const filter = projectIds
    ? Prisma.sql`WHERE p.id IN (${Prisma.join(projectIds.length ? projectIds : ["00000000-0000-0000-0000-000000000000"])})`
    : Prisma.empty;
  const rows = await db().$queryRaw<
    {
      id: string;
      seconds: number;
      billable_seconds: number;
      amount: number;
      expenses: number;
      budget: number | null;
      est: number | null;
      pct: number;
    }[]
  >(Prisma.sql`
    SELECT p.id::text AS id,
           COALESCE(SUM(${MINUTE_SECONDS_SQL}), 0)::float8 AS seconds,
           COALESCE(SUM(CASE WHEN e.billable THEN ${MINUTE_SECONDS_SQL} ELSE 0 END), 0)::float8 AS billable_seconds,
           COALESCE(SUM(CASE WHEN e.billable THEN ${MINUTE_SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END), 0)::float8 AS amount,
           (SELECT COALESCE(SUM(x.amount_minor), 0) FROM expenses x WHERE x.project_id = p.id AND x.billable)::float8 AS expenses,
           p.budget_cents AS budget, p.estimated_minutes AS est, p.budget_alert_percent AS pct
    FROM projects p JOIN clients c ON c.id = p.client_id
    LEFT JOIN time_entries e ON e.project_id = p.id
    ${filter}
    GROUP BY p.id`);
  return rows.map((r) => {
    const seconds = Math.round(Number(r.seconds));
    const expenseCents = Math.round(Number(r.expenses));
    const amountCents = Math.round(Number(r.amount)) + expenseCents;
    const budget = r.budget === null ? null : Number(r.budget);
    const est = r.est === null ? null : Number(r.est);
    const consumed = consumption(amountCents, budget, seconds, est);
    return {
      projectId: r.id,
      seconds,
      billableSeconds: Math.round(Number(r.billable_seconds)),
      amountCents,
      expenseCents,
      budgetCents: budget,
      estimatedMinutes: est,
      budgetAlertPercent: Number(r.pct),
      consumedPercent: consumed === null ? null : Math.round(consumed * 10) / 10,
      alert: consumed !== null && consumed >= Number(r.pct),
    };
  });
}
