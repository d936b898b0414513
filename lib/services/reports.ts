// Reports: every total is computed in SQL (date buckets in the viewer's zone via AT TIME ZONE),
// so no report holds more rows in memory than it has groups.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { track } from "@/lib/observability/track";
import { ZSummaryQuery, type TGroupBy, type TSummaryQuery } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { entryWhereSql, rangeDays } from "./entry-filters";
import { getOrgSettings } from "./settings";

export interface SummaryRow {
  key1: string;
  label1: string;
  key2: string | null;
  label2: string | null;
  seconds: number;
  billableSeconds: number;
  amountCents: number;
}

export interface SummaryReport {
  rows: SummaryRow[];
  totals: { seconds: number; billableSeconds: number; amountCents: number };
  query: TSummaryQuery;
}

/** Seconds of an entry; a running one counts up to now. */
export const SECONDS_SQL = Prisma.sql`EXTRACT(EPOCH FROM (COALESCE(e."end", now()) - e.start))`;
export const RATE_SQL = Prisma.sql`COALESCE(p.hourly_rate_cents, c.default_hourly_rate_cents, 0)`;

function localStart(tz: string): Prisma.Sql {
  return Prisma.sql`(e.start AT TIME ZONE ${tz})`;
}

/** Key and label SQL of one grouping; weeks start on the org's week start day. */
function dimension(g: TGroupBy, tz: string, weekStart: number): { key: Prisma.Sql; label: Prisma.Sql } {
  const local = localStart(tz);
  switch (g) {
    case "client":
      return { key: Prisma.sql`c.id::text`, label: Prisma.sql`c.name` };
    case "project":
      return { key: Prisma.sql`p.id::text`, label: Prisma.sql`p.name` };
    case "task":
      return { key: Prisma.sql`COALESCE(t.id::text, '')`, label: Prisma.sql`COALESCE(t.name, '(no task)')` };
    case "user":
      return { key: Prisma.sql`u.id::text`, label: Prisma.sql`u.username` };
    case "tag":
      return { key: Prisma.sql`COALESCE(g.id::text, '')`, label: Prisma.sql`COALESCE(g.name, '(no tag)')` };
    case "day": {
      const k = Prisma.sql`to_char(date_trunc('day', ${local}), 'YYYY-MM-DD')`;
      return { key: k, label: k };
    }
    case "week": {
      // date_trunc('week') starts on Monday: shift so the org's first weekday lands on Monday.
      const shift = (1 - weekStart + 7) % 7;
      const k = Prisma.sql`to_char(date_trunc('week', ${local} + make_interval(days => ${shift}::int)) - make_interval(days => ${shift}::int), 'YYYY-MM-DD')`;
      return { key: k, label: k };
    }
    case "month": {
      const k = Prisma.sql`to_char(date_trunc('month', ${local}), 'YYYY-MM')`;
      return { key: k, label: k };
    }
  }
}

export async function summaryReport(actor: Actor, input: unknown, tz: string): Promise<SummaryReport> {
  const q = ZSummaryQuery.parse(input);
  const org = await getOrgSettings();
  const d1 = dimension(q.group1, tz, org.weekStart);
  const d2 = q.group2 && q.group2 !== q.group1 ? dimension(q.group2, tz, org.weekStart) : null;
  const byTag = q.group1 === "tag" || q.group2 === "tag";
  const tagJoin = byTag
    ? Prisma.sql`LEFT JOIN time_entry_tags et ON et.entry_id = e.id LEFT JOIN tags g ON g.id = et.tag_id`
    : Prisma.empty;
  const rows = await db().$queryRaw<
    {
      key1: string;
      label1: string;
      key2: string | null;
      label2: string | null;
      seconds: number;
      billable_seconds: number;
      amount: number;
    }[]
  >(Prisma.sql`
    SELECT ${d1.key} AS key1, ${d1.label} AS label1,
           ${d2 ? d2.key : Prisma.sql`NULL`}::text AS key2, ${d2 ? d2.label : Prisma.sql`NULL`}::text AS label2,
           SUM(${SECONDS_SQL})::float8 AS seconds,
           SUM(CASE WHEN e.billable THEN ${SECONDS_SQL} ELSE 0 END)::float8 AS billable_seconds,
           SUM(CASE WHEN e.billable THEN ${SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END)::float8 AS amount
    FROM time_entries e
    JOIN projects p ON p.id = e.project_id
    JOIN clients c ON c.id = p.client_id
    JOIN users u ON u.id = e.user_id
    LEFT JOIN tasks t ON t.id = e.task_id
    ${tagJoin}
    WHERE ${entryWhereSql(actor, q, tz)}
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 3
    LIMIT 5000`);
  const out = rows.map((r) => ({
    key1: r.key1,
    label1: r.label1,
    key2: r.key2,
    label2: r.label2,
    seconds: Math.round(Number(r.seconds)),
    billableSeconds: Math.round(Number(r.billable_seconds)),
    amountCents: Math.round(Number(r.amount)),
  }));
  // Totals without the tag join, so an entry with two tags counts once.
  const [t] = await db().$queryRaw<
    { seconds: number | null; billable_seconds: number | null; amount: number | null }[]
  >(Prisma.sql`
    SELECT SUM(${SECONDS_SQL})::float8 AS seconds,
           SUM(CASE WHEN e.billable THEN ${SECONDS_SQL} ELSE 0 END)::float8 AS billable_seconds,
           SUM(CASE WHEN e.billable THEN ${SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END)::float8 AS amount
    FROM time_entries e JOIN projects p ON p.id = e.project_id JOIN clients c ON c.id = p.client_id
    WHERE ${entryWhereSql(actor, q, tz)}`);
  return {
    rows: out,
    totals: {
      seconds: Math.round(Number(t?.seconds ?? 0)),
      billableSeconds: Math.round(Number(t?.billable_seconds ?? 0)),
      amountCents: Math.round(Number(t?.amount ?? 0)),
    },
    query: q,
  };
}

export function trackReportViewed(
  actor: Actor,
  type: "summary" | "detailed",
  q: { from: string | null; to: string | null },
): void {
  track("report.viewed", { report_type: type, date_range_days: rangeDays(q as never) }, { userId: actor.id });
}
