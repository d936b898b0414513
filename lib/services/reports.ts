// Reports: every total is computed in SQL (date buckets in the viewer's zone; the statement is built in
// report-sql.ts), so no report holds more rows in memory than it has groups.
import "server-only";
import type { z } from "zod";
import { readConnection } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { track } from "@/lib/observability/track";
import { ZSummaryQuery, type TEntryFilters, type TSummaryQuery } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { rangeDays } from "./entry-filters";
import { loadRateSegments } from "./report-rates";
import { summarySql, type SummarySqlRow } from "./report-sql";
import { canSeeMoney, orgWeekStart } from "./settings";

export interface SummaryRow {
  key1: string;
  label1: string;
  key2: string | null;
  label2: string | null;
  seconds: number;
  billableSeconds: number;
  /** Null for a member without "members see money". */
  amountCents: number | null;
}

export interface SummaryReport {
  rows: SummaryRow[];
  /** Groups in the whole report; more than rows.length when it was cut at SUMMARY_GROUP_LIMIT. */
  groupCount: number;
  totals: { seconds: number; billableSeconds: number; amountCents: number | null };
  query: TSummaryQuery;
}

/** Seconds of an entry; a running one counts up to now. */
export const SECONDS_SQL = Prisma.sql`EXTRACT(EPOCH FROM (COALESCE(e."end", now()) - e.start))`;
/** The same rounded to whole minutes (half a minute up), as every list shows an entry ("1:00"):
 * totals, hours and amounts are all summed from these, so a row of 1:00 at 120/h is 120.00, never
 * 120.98 for a few seconds nobody sees. */
export const MINUTE_SECONDS_SQL = Prisma.sql`(floor(${SECONDS_SQL} / 60 + 0.5) * 60)`;
export { RATE_SQL } from "./report-rates";

export async function summaryReport(
  actor: Actor,
  input: z.input<typeof ZSummaryQuery>,
  tz: string,
): Promise<SummaryReport> {
  const q = ZSummaryQuery.parse(input);
  // The org's week start is only needed (one more statement) for a week grouping.
  const [weekStart, money] = await Promise.all([
    q.group1 === "week" || q.group2 === "week" ? orgWeekStart() : 1,
    canSeeMoney(actor),
  ]);
  // Amounts use invoicing's effective-dated rates; without any dated rate the statement keeps its
  // plain form. Nobody sees the amounts: no need to resolve rates at all.
  const segments = money ? await loadRateSegments() : null;
  // Through the plain driver: one statement whose columns are all cast to plain types, so Prisma's
  // per-statement work (~1.5 ms) would be most of a small report's time (docs/performance.md).
  const sql = summarySql(actor, q, tz, weekStart, segments);
  // Reports may lag a few seconds behind on a read replica (DATABASE_REPLICA_URL): docs/deployment.md.
  const rows = await readConnection().raw.query<SummarySqlRow>(sql.text, sql.values);
  const n = (v: number | null) => Math.round(Number(v ?? 0));
  const total = rows.find((r) => r.total);
  return {
    rows: rows
      .filter((r) => !r.total)
      .map((r) => ({
        key1: r.key1 ?? "",
        label1: r.label1 ?? "",
        key2: r.key2,
        label2: r.label2,
        seconds: n(r.seconds),
        billableSeconds: n(r.billable_seconds),
        amountCents: money ? n(r.amount) : null,
      })),
    groupCount: total?.groups ?? 0,
    totals: {
      seconds: n(total?.seconds ?? 0),
      billableSeconds: n(total?.billable_seconds ?? 0),
      amountCents: money ? n(total?.amount ?? 0) : null,
    },
    query: q,
  };
}

export function trackReportViewed(
  actor: Actor,
  type: "summary" | "detailed",
  q: Pick<TEntryFilters, "from" | "to">,
): void {
  track("report.viewed", { report_type: type, date_range_days: rangeDays(q) }, { userId: actor.id });
}
