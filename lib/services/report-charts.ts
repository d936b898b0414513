// The reports page's charts: hours per day, week or month (chosen from the range) stacked by
// project, and totals per project and per client. They come from the summary report itself
// (the same SQL, minutes and rates), grouped by period then project: when the page already shows
// that grouping nothing more is read; else one more summary statement, and the projects' clients.
import "server-only";
import { db } from "@/lib/db";
import type { TSummaryQuery } from "@/lib/validation/reports";
import { chartBucket, shapeCharts, type ChartData } from "@/lib/reports/chart-data";
import type { Actor } from "./actor";
import { summaryReport, type SummaryReport } from "./reports";
import { orgWeekStart } from "./settings";

export type { ChartData };

export async function reportCharts(
  actor: Actor,
  q: TSummaryQuery,
  tz: string,
  shown: SummaryReport | null = null,
  names?: Parameters<typeof shapeCharts>[4],
): Promise<ChartData> {
  const bucket = chartBucket(q.from, q.to);
  const reuse = shown && shown.query.group1 === bucket && shown.query.group2 === "project";
  const report = reuse ? shown : await summaryReport(actor, { ...q, group1: bucket, group2: "project" }, tz);
  const projectIds = [...new Set(report.rows.map((r) => r.key2).filter((k): k is string => !!k))];
  const [projects, weekStart] = await Promise.all([
    projectIds.length
      ? db().project.findMany({
          where: { id: { in: projectIds } },
          select: { id: true, clientId: true, client: { select: { name: true } } },
        })
      : [],
    bucket === "week" ? orgWeekStart() : 1,
  ]);
  const clientOf = new Map(projects.map((p) => [p.id, { key: p.clientId, name: p.client.name }]));
  return shapeCharts(report, bucket, { from: q.from, to: q.to, weekStart }, clientOf, names);
}
