// The summary report's SQL: entries are aggregated first on narrow keys (project id, the grouping
// ids, the number of the zoned start's day or week, or its month), then names, rates and labels are
// joined to the few groups, and the totals come from the same aggregate. See docs/performance.md.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { TGroupBy, TSummaryQuery } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { entryWhereSql } from "./entry-filters";
import { offsetSegments } from "@/lib/time/offset-segments";
import { dayRange } from "@/lib/time/tz";
import { RATE_SQL, rateCtes, rateJoins, segmentSql, type RateSegments } from "./report-rates";

/** Labels of the groups of entries without a project (and so without a client). */
export const NO_PROJECT_LABEL = "No project";
export const NO_CLIENT_LABEL = "No client";

/** At most this many groups come back; the totals and the group count always cover all of them. */
export const SUMMARY_GROUP_LIMIT = 5000;

/** Milliseconds of an entry (a running one counts up to now) as a whole float8: the columns hold
 * milliseconds, and float8 sums of integers stay exact below 2^53 ms (285,000 years), while their
 * aggregate state is a plain double (SUM(int8) would carry a numeric/int128 state per group).
 * Two date_parts and a difference are cheaper than the interval subtraction they replace; their
 * float error (under a microsecond) is far below the half millisecond that round() forgives. */
const EXACT_MS_SQL = Prisma.sql`round((date_part('epoch', COALESCE(e."end", now())) - date_part('epoch', e.start)) * 1000)`;
/** Rounded to whole minutes per entry (half a minute up), as lists show entries: hours and amounts
 * come from the same durations (MINUTE_SECONDS_SQL in reports.ts is the plain form). */
const MS_SQL = Prisma.sql`(floor(${EXACT_MS_SQL} / 60000.0 + 0.5) * 60000)`;

interface Dim {
  /** The raw value aggregated on, over time_entries e (null: the project id already carries it). */
  inner: Prisma.Sql | null;
  /** The value grouped on, over the aggregate a and its project p: an id or a local timestamp. */
  value: Prisma.Sql;
  /** Key and label of a result row, from its value v and the dimension's table joined as j. */
  key: (v: Prisma.Sql) => Prisma.Sql;
  label: (v: Prisma.Sql, j: Prisma.Sql) => Prisma.Sql;
  table: Prisma.Sql | null;
}

const none = Prisma.empty;
const PERIODS = { day: 1, week: 1, month: 1 };
const idKey = (v: Prisma.Sql) => Prisma.sql`${v}::text`;
/** project, client, task and tag may be absent: the key is then '' (sorting first, as NULLS FIRST does). */
const optionalKey = (v: Prisma.Sql) => Prisma.sql`COALESCE(${v}::text, '')`;

function named(inner: Prisma.Sql | null, value: Prisma.Sql, table: string, column: string, orElse?: string): Dim {
  return {
    inner,
    value,
    key: orElse ? optionalKey : idKey,
    label: (_v, j) =>
      orElse ? Prisma.sql`COALESCE(${j}.${Prisma.raw(column)}, ${orElse})` : Prisma.sql`${j}.${Prisma.raw(column)}`,
    table: Prisma.raw(table),
  };
}

const minutes = (m: number) => Prisma.sql`make_interval(mins => ${m}::int)`;

/** The wall-clock time of e.start in tz, two ways: `timestamp` (for month buckets) and `epoch`, its
 * seconds since 1970-01-01 00:00 of that wall clock as float8 (day and week buckets are then plain
 * arithmetic, cheaper than date_trunc). Over a bounded range, as UTC plus the zone's offset from a
 * CASE on the instant (AT TIME ZONE per row is the costliest step of a large summary); PostgreSQL
 * first checks that CASE against its own zone data hourly over the range and at every change (an
 * InitPlan, run once), and falls back to AT TIME ZONE per row if any point disagrees. */
interface Local {
  timestamp: Prisma.Sql;
  epoch: Prisma.Sql;
}

function localStart(q: TSummaryQuery, tz: string): Local {
  const exact = Prisma.sql`(e.start AT TIME ZONE ${tz})`;
  const exactLocal = { timestamp: exact, epoch: Prisma.sql`date_part('epoch', ${exact})` };
  if (!q.from || !q.to) return exactLocal;
  const { from, to } = dayRange(q.from, q.to, tz);
  const segs = offsetSegments(from, to, tz);
  if (!segs) return exactLocal;
  const offsetAt = (t: Prisma.Sql, unit: (m: number) => Prisma.Sql = minutes) =>
    segs.length === 1
      ? unit(segs[0].minutes)
      : Prisma.sql`CASE ${Prisma.join(
          segs.slice(1).map((sg, i) => Prisma.sql`WHEN ${t} < ${new Date(sg.from)} THEN ${unit(segs[i].minutes)}`),
          " ",
        )} ELSE ${unit(segs[segs.length - 1].minutes)} END`;
  const seconds = (m: number) => Prisma.sql`${m * 60}::int`;
  const points = [
    from,
    ...segs.slice(1).flatMap((sg) => [new Date(sg.from - 1), new Date(sg.from)]),
    new Date(+to - 1),
  ];
  const agrees = Prisma.sql`(SELECT bool_and((pt.s AT TIME ZONE ${tz}) - (pt.s AT TIME ZONE 'UTC') = ${offsetAt(Prisma.sql`pt.s`)})
    FROM (SELECT generate_series(${from}::timestamptz, ${to}::timestamptz, interval '1 hour') AS s
          UNION ALL VALUES ${Prisma.join(points.map((d) => Prisma.sql`(${d}::timestamptz)`))}) pt)`;
  return {
    timestamp: Prisma.sql`(CASE WHEN ${agrees} THEN (e.start AT TIME ZONE 'UTC') + ${offsetAt(Prisma.sql`e.start`)} ELSE ${exact} END)`,
    epoch: Prisma.sql`(CASE WHEN ${agrees} THEN date_part('epoch', e.start) + ${offsetAt(Prisma.sql`e.start`, seconds)} ELSE ${exactLocal.epoch} END)`,
  };
}

/** 1970-01-05, the first Monday of the epoch, in seconds. */
const FIRST_MONDAY_S = 4 * 86400;

/** One grouping; slot is the aggregate's column (a.d1 or a.d2) holding its raw value. */
function dimension(g: TGroupBy, slot: Prisma.Sql, local: Local | null, weekStart: number): Dim {
  const period = (inner: Prisma.Sql, fmt: string, toTimestamp: (v: Prisma.Sql) => Prisma.Sql = (v) => v): Dim => {
    const text = (v: Prisma.Sql) => Prisma.sql`to_char(${toTimestamp(v)}, ${fmt})`;
    return { inner, value: slot, key: text, label: text, table: null };
  };
  // Day and week buckets are numbered (floor of the local epoch over the period's seconds: exact for
  // millisecond instants) and turned back into their first day only for the groups' labels.
  const numbered = (periodS: number, offsetS: number): Dim =>
    period(
      Prisma.sql`floor((${local!.epoch} - ${offsetS}::int) / ${periodS}::int)`,
      "YYYY-MM-DD",
      (v) => Prisma.sql`(to_timestamp(${v} * ${periodS}::int + ${offsetS}::int) AT TIME ZONE 'UTC')`,
    );
  switch (g) {
    // Entries without a project have no client either: their key is '' and they sort first.
    case "client":
      return named(null, Prisma.sql`p.client_id`, "clients", "name", NO_CLIENT_LABEL);
    case "project":
      return named(null, Prisma.sql`a.project_id`, "projects", "name", NO_PROJECT_LABEL);
    case "task":
      return named(Prisma.sql`e.task_id`, slot, "tasks", "name", "(no task)");
    case "user":
      return named(Prisma.sql`e.user_id`, slot, "users", "username");
    case "tag":
      return named(Prisma.sql`et.tag_id`, slot, "tags", "name", "(no tag)");
    case "day":
      return numbered(86400, 0);
    case "week": {
      // Weeks counted from a Monday; the org's first weekday is `shift` days before it.
      const shift = (1 - weekStart + 7) % 7;
      return numbered(7 * 86400, FIRST_MONDAY_S - shift * 86400);
    }
    case "month":
      return period(Prisma.sql`date_trunc('month', ${local!.timestamp})`, "YYYY-MM");
  }
}

export interface SummarySqlRow {
  total: boolean;
  key1: string | null;
  label1: string | null;
  key2: string | null;
  label2: string | null;
  seconds: number | null;
  billable_seconds: number | null;
  amount: number | null;
  groups: number;
}

/** One statement: the total row first, then up to SUMMARY_GROUP_LIMIT groups ordered by their keys;
 * every row carries the number of groups. weekStart is only read for a week grouping. With dated
 * rates (segments), the aggregate also keeps the user and the rate segment of each entry, and the
 * rate of each (project, user, segment) is resolved once, as invoicing resolves it (report-rates.ts). */
export function summarySql(
  actor: Actor,
  q: TSummaryQuery,
  tz: string,
  weekStart: number,
  segments: RateSegments | null = null,
): Prisma.Sql {
  const local = q.group1 in PERIODS || (q.group2 && q.group2 in PERIODS) ? localStart(q, tz) : null;
  const d1 = dimension(q.group1, Prisma.sql`a.d1`, local, weekStart);
  const d2 = q.group2 && q.group2 !== q.group1 ? dimension(q.group2, Prisma.sql`a.d2`, local, weekStart) : null;
  const byTag = q.group1 === "tag" || q.group2 === "tag";
  const where = entryWhereSql(actor, q, tz);
  const projectJoin = q.clientId ? Prisma.sql`JOIN projects p ON p.id = e.project_id` : none;
  // OFFSET 0 keeps the per-entry projection a subquery, so the planner estimates the groups from
  // defaults instead of the near-unique start column: it then picks an in-memory hash aggregate
  // rather than an external sort, and the lower cost estimate keeps JIT compilation (~0.3 s) off.
  const aggregate = (tags: boolean, dims: boolean) => Prisma.sql`
    SELECT x.project_id, x.d1, x.d2, SUM(x.ms) AS ms, SUM(CASE WHEN x.billable THEN x.ms ELSE 0 END) AS bms
           ${segments ? Prisma.sql`, x.uid, x.seg` : none}
    FROM (
      SELECT e.project_id, e.billable, ${MS_SQL} AS ms,
             ${dims && d1.inner ? d1.inner : Prisma.sql`NULL::int`} AS d1,
             ${dims && d2?.inner ? d2.inner : Prisma.sql`NULL::int`} AS d2
             ${segments ? Prisma.sql`, ${segments.byUser ? Prisma.sql`e.user_id` : Prisma.sql`NULL::uuid`} AS uid, ${segmentSql(Prisma.sql`e.start`, segments)} AS seg` : none}
      FROM time_entries e ${projectJoin}
      ${tags ? Prisma.sql`LEFT JOIN time_entry_tags et ON et.entry_id = e.id` : none}
      WHERE ${where}
      OFFSET 0
    ) x
    GROUP BY 1, 2, 3 ${segments ? Prisma.sql`, 6, 7` : none}`;
  // The rate of an aggregate row: the plain project/client rate, or the dated one of its project,
  // user (only when some rate names a person) and segment, joined from report-rates.ts's small tables.
  const dated = segments ? rateJoins(Prisma.sql`a.project_id`, Prisma.sql`a.uid`, Prisma.sql`a.seg`) : null;
  const rate = dated ? dated.rate : RATE_SQL;
  const sums = Prisma.sql`(SUM(a.ms) / 1000)::float8 AS seconds, (SUM(a.bms) / 1000)::float8 AS billable_seconds,
           (SUM(a.bms::int8 * ${rate}) / 3600000.0)::float8 AS amount`;
  // With project as one grouping and no client grouping, each aggregate row already is one group
  // (the aggregate's keys are the project and the other grouping's value): no second GROUP BY.
  const groups = [q.group1, q.group2];
  // (Not with dated rates: their aggregate rows are also split by user and segment.)
  const oneRowPerGroup = !segments && groups.includes("project") && !groups.includes("client");
  const rowSums = Prisma.sql`(a.ms / 1000)::float8 AS seconds, (a.bms / 1000)::float8 AS billable_seconds,
           ((a.bms::int8 * ${rate}) / 3600000.0)::float8 AS amount`;
  // LEFT: an entry without a project has no project or client rate (RATE_SQL gives 0) and no client.
  const rates = Prisma.sql`LEFT JOIN projects p ON p.id = a.project_id LEFT JOIN clients c ON c.id = p.client_id
    ${dated ? dated.joins : none}`;
  const j1 = Prisma.raw("j1");
  const j2 = Prisma.raw("j2");
  const v1 = Prisma.sql`r.v1`;
  const v2 = Prisma.sql`r.v2`;
  const joinName = (d: Dim | null, j: Prisma.Sql, v: Prisma.Sql) =>
    d?.table ? Prisma.sql`LEFT JOIN ${d.table} ${j} ON ${j}.id = ${v}` : none;
  // Groups are formed and ordered on raw ids and timestamps (uuid order is the order of its text;
  // a missing task or tag sorts first, like the '' key it gets); names and text come after the LIMIT.
  // With a tag grouping an entry appears once per tag, so the totals come from an aggregate without tags.
  return Prisma.sql`
    WITH ${segments ? rateCtes(segments) : none}
    agg AS MATERIALIZED (${aggregate(byTag, true)}),
    ${byTag ? Prisma.sql`tot AS (${aggregate(false, false)}),` : none}
    r AS (
      SELECT false AS total, ${d1.value} AS v1, ${d2 ? d2.value : Prisma.sql`NULL::int`} AS v2, ${oneRowPerGroup ? rowSums : sums}
      FROM agg a ${rates}
      ${oneRowPerGroup ? none : Prisma.sql`GROUP BY 2, 3`}
      UNION ALL
      SELECT true, NULL, NULL, ${sums}
      FROM ${byTag ? Prisma.sql`tot` : Prisma.sql`agg`} a ${rates}
    ),
    page AS (
      SELECT r.*, (COUNT(*) OVER () - 1)::int AS groups
      FROM r
      ORDER BY r.total DESC, r.v1 NULLS FIRST, r.v2 NULLS FIRST
      LIMIT ${SUMMARY_GROUP_LIMIT + 1}
    )
    SELECT r.total, r.seconds, r.billable_seconds, r.amount, r.groups,
           CASE WHEN r.total THEN NULL ELSE ${d1.key(v1)} END AS key1,
           CASE WHEN r.total THEN NULL ELSE ${d1.label(v1, j1)} END AS label1,
           ${d2 ? Prisma.sql`CASE WHEN r.total THEN NULL ELSE ${d2.key(v2)} END` : Prisma.sql`NULL`}::text AS key2,
           ${d2 ? Prisma.sql`CASE WHEN r.total THEN NULL ELSE ${d2.label(v2, j2)} END` : Prisma.sql`NULL`}::text AS label2
    FROM page r ${joinName(d1, j1, v1)} ${joinName(d2, j2, v2)}
    ORDER BY r.total DESC, r.v1 NULLS FIRST, r.v2 NULLS FIRST`;
}
