// The summary report as it was first written (one row-by-row GROUP BY on text keys, totals in a second
// scan): slow at scale, but plainly correct. tests/summary-equivalence.test.ts holds the service to it.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/services/actor";
import { entryWhereSql } from "@/lib/services/entry-filters";
import { MINUTE_SECONDS_SQL, RATE_SQL, type SummaryRow } from "@/lib/services/reports";
import { ZSummaryQuery, type TGroupBy } from "@/lib/validation/reports";

function dimension(g: TGroupBy, tz: string, weekStart: number): { key: Prisma.Sql; label: Prisma.Sql } {
  const local = Prisma.sql`(e.start AT TIME ZONE ${tz})`;
  const same = (k: Prisma.Sql) => ({ key: k, label: k });
  switch (g) {
    case "client":
      return { key: Prisma.sql`COALESCE(c.id::text, '')`, label: Prisma.sql`COALESCE(c.name, 'No client')` };
    case "project":
      return { key: Prisma.sql`COALESCE(p.id::text, '')`, label: Prisma.sql`COALESCE(p.name, 'No project')` };
    case "task":
      return { key: Prisma.sql`COALESCE(t.id::text, '')`, label: Prisma.sql`COALESCE(t.name, '(no task)')` };
    case "user":
      return { key: Prisma.sql`u.id::text`, label: Prisma.sql`u.username` };
    case "tag":
      return { key: Prisma.sql`COALESCE(g.id::text, '')`, label: Prisma.sql`COALESCE(g.name, '(no tag)')` };
    case "day":
      return same(Prisma.sql`to_char(date_trunc('day', ${local}), 'YYYY-MM-DD')`);
    case "week": {
      const shift = (1 - weekStart + 7) % 7;
      return same(
        Prisma.sql`to_char(date_trunc('week', ${local} + make_interval(days => ${shift}::int)) - make_interval(days => ${shift}::int), 'YYYY-MM-DD')`,
      );
    }
    case "month":
      return same(Prisma.sql`to_char(date_trunc('month', ${local}), 'YYYY-MM')`);
  }
}

type Sums = { seconds: number | null; billable_seconds: number | null; amount: number | null };
const SUMS = Prisma.sql`SUM(${MINUTE_SECONDS_SQL})::float8 AS seconds,
  SUM(CASE WHEN e.billable THEN ${MINUTE_SECONDS_SQL} ELSE 0 END)::float8 AS billable_seconds,
  SUM(CASE WHEN e.billable THEN ${MINUTE_SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END)::float8 AS amount`;
const n = (v: number | null) => Math.round(Number(v ?? 0));

/** Every group (no limit), ordered by key1, key2, and the totals. */
export async function referenceSummary(actor: Actor, input: unknown, tz: string, weekStart: number) {
  const q = ZSummaryQuery.parse(input);
  const d1 = dimension(q.group1, tz, weekStart);
  const d2 = q.group2 && q.group2 !== q.group1 ? dimension(q.group2, tz, weekStart) : null;
  const byTag = q.group1 === "tag" || q.group2 === "tag";
  const rows = await db().$queryRaw<
    (Sums & { key1: string; label1: string; key2: string | null; label2: string | null })[]
  >(
    Prisma.sql`
    SELECT ${d1.key} AS key1, ${d1.label} AS label1,
           ${d2 ? d2.key : Prisma.sql`NULL`}::text AS key2, ${d2 ? d2.label : Prisma.sql`NULL`}::text AS label2, ${SUMS}
    FROM time_entries e
    LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = p.client_id
    JOIN users u ON u.id = e.user_id LEFT JOIN tasks t ON t.id = e.task_id
    ${byTag ? Prisma.sql`LEFT JOIN time_entry_tags et ON et.entry_id = e.id LEFT JOIN tags g ON g.id = et.tag_id` : Prisma.empty}
    WHERE ${entryWhereSql(actor, q, tz)}
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 3`,
  );
  const [t] = await db().$queryRaw<Sums[]>(Prisma.sql`
    SELECT ${SUMS} FROM time_entries e LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = p.client_id
    WHERE ${entryWhereSql(actor, q, tz)}`);
  const out: SummaryRow[] = rows.map((r) => ({
    key1: r.key1,
    label1: r.label1,
    key2: r.key2,
    label2: r.label2,
    seconds: n(r.seconds),
    billableSeconds: n(r.billable_seconds),
    amountCents: n(r.amount),
  }));
  return {
    rows: out,
    totals: { seconds: n(t.seconds), billableSeconds: n(t.billable_seconds), amountCents: n(t.amount) },
  };
}
