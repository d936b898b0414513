// The CSV export's statements. exportBatchSql: one keyset batch of raw columns, formatted in Node
// (PGlite, and PostgreSQL's fallback). exportLinesSql: every row as its finished CSV line, formatted
// by PostgreSQL byte for byte as export.ts's formatRows writes it, for one COPY (lib/db/copy-text.ts).
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { entryWhereSql } from "./entry-filters";
import { RATE_SQL, rateCtes, rateJoins, segmentSql, type RateSegments } from "./report-rates";

/** Epoch milliseconds as float8: exact (the columns are timestamptz(3)), and date_part's float8 is far
 * cheaper than EXTRACT's numeric; parsed by both drivers alike. */
const ms = (col: Prisma.Sql) => Prisma.sql`round(date_part('epoch', ${col}) * 1000)`;

export type Cursor = { ms: number; id: string };

/** The entries in export order (start, id descending), chosen on the (start, id) index alone. */
function entriesCte(
  actor: Actor,
  f: TEntryFilters,
  tz: string,
  after: Cursor | null,
  size: number | null,
  extra: Prisma.Sql = Prisma.empty,
) {
  const keyset = after ? Prisma.sql`AND (e.start, e.id) < (${new Date(after.ms)}, ${after.id}::uuid)` : Prisma.empty;
  const projectJoin = f.clientId ? Prisma.sql`JOIN projects p ON p.id = e.project_id` : Prisma.empty;
  const limit = size === null ? Prisma.empty : Prisma.sql`LIMIT ${size}`;
  return Prisma.sql`b AS MATERIALIZED (
      SELECT e.id, e.user_id, e.project_id, e.task_id, e.start, e."end", e.notes, e.source, e.billable, e.created_at ${extra}
      FROM time_entries e ${projectJoin}
      WHERE ${entryWhereSql(actor, f, tz)} ${keyset}
      ORDER BY e.start DESC, e.id DESC
      ${limit}
    )`;
}

/** Each entry's tags, sorted and joined (`fmt` wraps the joined text). */
const tagsCte = (fmt: (v: Prisma.Sql) => Prisma.Sql) => Prisma.sql`tg AS (
      SELECT entry_id, ${fmt(Prisma.sql`tags`)} AS tags FROM (
        SELECT et.entry_id, string_agg(g.name, ', ' ORDER BY g.name) AS tags
        FROM time_entry_tags et JOIN tags g ON g.id = et.tag_id
        WHERE et.entry_id IN (SELECT id FROM b)
        GROUP BY et.entry_id
      ) x
    )`;

/**
 * One batch of the export, newest first, after the keyset cursor (size null: every row, for the
 * benchmark's COPY floor). The batch's entries are chosen first on the (start, id) index alone, then
 * their names are joined and their tags aggregated in one pass over the batch (a per-row tag
 * subquery was ~60 % of the database's time for a full export, docs/performance.md).
 */
export function exportBatchSql(
  actor: Actor,
  f: TEntryFilters,
  tz: string,
  after: Cursor | null,
  size: number | null,
  segments: RateSegments | null = null,
) {
  // With dated rates, each entry's rate is joined by project, user and the segment it started in.
  const dated = segments
    ? rateJoins(Prisma.sql`e.project_id`, Prisma.sql`e.user_id`, segmentSql(Prisma.sql`e.start`, segments))
    : null;
  return Prisma.sql`
    WITH ${segments ? rateCtes(segments) : Prisma.empty} ${entriesCte(actor, f, tz, after, size)}, ${tagsCte((v) => v)}
    SELECT e.id::text AS id, u.username, c.name AS client, p.name AS project, t.name AS task,
           ${ms(Prisma.sql`e.start`)} AS start_ms, ${ms(Prisma.sql`e."end"`)} AS end_ms,
           e.notes, e.source::text AS source, e.billable, tg.tags, ${dated ? dated.rate : RATE_SQL} AS rate_cents,
           ${ms(Prisma.sql`e.created_at`)} AS created_ms
    FROM b e
    LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN clients c ON c.id = p.client_id
    JOIN users u ON u.id = e.user_id LEFT JOIN tasks t ON t.id = e.task_id
    LEFT JOIN tg ON tg.entry_id = e.id
    ${dated ? dated.joins : Prisma.empty}
    ORDER BY e.start DESC, e.id DESC`;
}

/** The marker of the error a line raises for an instant it cannot format like Node (see isoSql). */
export const LINES_RANGE_MARKER = "tt-export-range";

/**
 * csvCell (csv.ts) in SQL, for a text value: quoted when it holds the delimiter, a quote or a line
 * break; a leading = + - @ tab or CR gets a ' first (ascii(): the first character's code, 0 for '').
 */
function cellSql(v: Prisma.Sql, d: string): Prisma.Sql {
  const formula = Prisma.sql`ascii(${v}) IN (61, 43, 45, 64, 9, 13)`;
  return Prisma.sql`(CASE
    WHEN strpos(${v}, '"') > 0 OR strpos(${v}, ${d}) > 0 OR strpos(${v}, chr(10)) > 0 OR strpos(${v}, chr(13)) > 0
      THEN '"' || CASE WHEN ${formula} THEN '''' ELSE '' END || replace(${v}, '"', '""') || '"'
    WHEN ${formula} THEN '''' || ${v}
    ELSE ${v} END)`;
}

/**
 * zonedIsoFormatter (lib/time/zoned-iso.ts) in SQL, in the session's time zone (copy-text.ts sets
 * it): "2026-03-29T03:00:00+02:00". From 1972-01-08 on, every zone's offset is whole minutes, which
 * to_char's TZH:TZM writes as Node does (before, local mean times had seconds, which Node rounds and
 * to_char truncates); years stay four digits below 10000. Outside that range the line raises an
 * error carrying LINES_RANGE_MARKER (the cast depends on the row, so it cannot fail at planning):
 * the export then falls back to the batches formatted in Node.
 */
function isoSql(col: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${col} >= '1972-01-08T00:00:00Z'::timestamptz AND ${col} < '9999-12-31T00:00:00Z'::timestamptz
    THEN to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')
    ELSE (${LINES_RANGE_MARKER} || ' ' || ${col}::text)::int::text END)`;
}

/**
 * Number.prototype.toFixed(2) of a non-negative float8, exactly, as hundredths: the n nearest to the
 * double's exact value (ties up). PostgreSQL's float8 to numeric/text conversions round to 15–17
 * digits, which decides ties like 1.005 the other way, so the error of x·100 is computed exactly
 * instead (Dekker's split: every product below is exact in float8, and the sums keep their sign).
 * Long: used only for the rows whose amount is a tie (amountSql).
 */
function toFixed2Sql(x: Prisma.Sql): Prisma.Sql {
  const p = Prisma.sql`(${x} * 100::float8)`;
  const g = Prisma.sql`(${x} * 134217729::float8)`;
  const hi = Prisma.sql`(${g} - (${g} - ${x}))`;
  const err = Prisma.sql`((${hi} * 100::float8 - ${p}) + (${x} - ${hi}) * 100::float8)`;
  const k = Prisma.sql`floor(${p})`;
  return Prisma.sql`(${k} + CASE WHEN (${p} - ${k} - 0.5::float8) + ${err} >= 0 THEN 1 ELSE 0 END)::bigint`;
}

/** A whole number of hundredths as "12.34". */
const hundredthsSql = (n: Prisma.Sql) => Prisma.sql`((${n}) / 100)::text || '.' || lpad(((${n}) % 100)::text, 2, '0')`;

/**
 * The amount cell of a billable entry as formatRows writes it: (amountCents(ms, rate) / 100).toFixed(2),
 * with a ' before a negative one (csvCell). With a = |minutes × rate| the amount is a/60 cents; unless
 * a/60 ends in exactly .5, amountCents's float8 steps land far from a rounding boundary and
 * (a + 30) / 60 in whole numbers is the answer. Ties (and amounts so large that the product leaves
 * float8's exact range) take the same float8 steps as Node, then toFixed2Sql.
 */
function amountSql(minutes: Prisma.Sql, rate: Prisma.Sql): Prisma.Sql {
  const a = Prisma.sql`abs(${minutes} * (${rate})::bigint)`;
  const x = Prisma.sql`((${a} * 60000)::float8 / 3600000::float8 / 100::float8)`;
  const n = Prisma.sql`(CASE WHEN ${a} % 60 = 30 OR ${a} > 150000000000 THEN ${toFixed2Sql(x)} ELSE (${a} + 30) / 60 END)`;
  // to_char writes n once (hundredthsSql would compute it twice).
  return Prisma.sql`CASE WHEN ${minutes} * (${rate})::bigint < 0 THEN '''-' ELSE '' END || to_char(${n}, 'FM99999999999999990"."00')`;
}

/**
 * Every row of the export as its CSV line (with CR LF), in export order, for one COPY. The same
 * entries, joins and rates as exportBatchSql over all rows; names are formatted once per user,
 * client, project and task (materialized), notes and tags per row. Durations are rounded to the
 * minute as formatRows does (from the same epoch milliseconds; a running entry counts up to now()),
 * and amounts are exact as amountSql explains.
 */
export function exportLinesSql(
  actor: Actor,
  f: TEntryFilters,
  tz: string,
  d: string,
  money: boolean,
  segments: RateSegments | null,
) {
  const dated = segments
    ? rateJoins(Prisma.sql`e.project_id`, Prisma.sql`e.user_id`, segmentSql(Prisma.sql`e.start`, segments))
    : null;
  const cell = (v: Prisma.Sql) => cellSql(v, d);
  // Whole minutes, half a minute up, exactly as formatRows: Math.floor(ms / 60000 + 0.5); once per
  // row, in the materialized CTE (every later use of m would otherwise compute it again).
  const minutes = Prisma.sql`, floor((${ms(Prisma.sql`COALESCE(e."end", now())`)} - ${ms(Prisma.sql`e.start`)}) / 60000::float8 + 0.5::float8)::bigint AS m`;
  // RATE_SQL (project's rate, else its client's), resolved once per project in pn.
  const rate = dated ? dated.rate : Prisma.sql`COALESCE(p.rate, 0)`;
  const amountCell = money
    ? Prisma.sql`CASE WHEN e.billable THEN ${amountSql(Prisma.sql`e.m`, rate)} ELSE '0.00' END`
    : Prisma.sql`''`;
  // formatDecimalHours and formatHm of m minutes: toFixed(2) of m/60 is round(5m/3) hundredths
  // (5m/3 never ends in .5, so float8's error cannot matter).
  const hours = (m: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${m} > 0 THEN ${hundredthsSql(Prisma.sql`(5 * ${m} + 1) / 3`)} ELSE '0.00' END`;
  const hm = (m: Prisma.Sql) =>
    Prisma.sql`(greatest(${m}, 0) / 60)::text || ':' || lpad((greatest(${m}, 0) % 60)::text, 2, '0')`;
  return Prisma.sql`
    WITH ${segments ? rateCtes(segments) : Prisma.empty} ${entriesCte(actor, f, tz, null, null, minutes)}, ${tagsCte(cell)},
    un AS MATERIALIZED (SELECT id, ${cell(Prisma.sql`username`)} AS cell FROM users),
    pn AS MATERIALIZED (
      SELECT p.id, p.client_id, p.hourly_rate_cents, ${RATE_SQL} AS rate, ${cell(Prisma.sql`p.name`)} AS cell
      FROM projects p LEFT JOIN clients c ON c.id = p.client_id),
    cn AS MATERIALIZED (SELECT id, default_hourly_rate_cents, ${cell(Prisma.sql`name`)} AS cell FROM clients),
    tn AS MATERIALIZED (SELECT id, ${cell(Prisma.sql`name`)} AS cell FROM tasks),
    -- The two duration cells of the first two days' minutes, formatted once; longer entries below.
    du AS MATERIALIZED (SELECT m, ${hours(Prisma.sql`m`)} || ${d} || ${hm(Prisma.sql`m`)} AS cells FROM generate_series(0::bigint, 2880::bigint) m)
    SELECT concat_ws(${d}, e.id::text, u.cell, COALESCE(c.cell, ''), COALESCE(p.cell, ''), COALESCE(t.cell, ''),
      ${isoSql(Prisma.sql`e.start`)}, COALESCE(${isoSql(Prisma.sql`e."end"`)}, ''),
      COALESCE(du.cells, ${hours(Prisma.sql`e.m`)} || ${d} || ${hm(Prisma.sql`e.m`)}),
      ${cell(Prisma.sql`e.notes`)}, COALESCE(tg.tags, ''), e.source::text,
      CASE WHEN e.billable THEN 'yes' ELSE 'no' END, ${amountCell},
      ${isoSql(Prisma.sql`e.created_at`)} || chr(13) || chr(10))
    FROM b e
    LEFT JOIN du ON du.m = e.m
    LEFT JOIN pn p ON p.id = e.project_id LEFT JOIN cn c ON c.id = p.client_id
    JOIN un u ON u.id = e.user_id LEFT JOIN tn t ON t.id = e.task_id
    LEFT JOIN tg ON tg.entry_id = e.id
    ${dated ? dated.joins : Prisma.empty}
    ORDER BY e.start DESC, e.id DESC`;
}
