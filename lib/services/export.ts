// CSV export of the detailed report: streamed in keyset batches, so memory stays constant and
// there is no row cap. Times are in the viewer's zone with their offset; amounts in SQL.
// Built for a million rows: the plain driver returns primitives only (instants as epoch
// milliseconds), offsets are cached per hour (zoned-iso.ts), each batch becomes one string, and
// the next batch is already on its way while this one is formatted.
import "server-only";
import { readConnection } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { track } from "@/lib/observability/track";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { csvCell, csvLine } from "./csv";
import { entryWhereSql, rangeDays } from "./entry-filters";
import { loadRateSegments, RATE_SQL, rateCtes, rateJoins, segmentSql, type RateSegments } from "./report-rates";
import { canSeeMoney, getOrgSettings } from "./settings";
import { formatDecimalHours, formatHm } from "@/lib/time/duration-parse";
import { zonedIsoFormatter } from "@/lib/time/zoned-iso";

export const CSV_COLUMNS = [
  "ID",
  "User",
  "Client",
  "Project",
  "Task",
  "Start",
  "End",
  "Duration (hours)",
  "Duration (h:mm)",
  "Notes",
  "Tags",
  "Source",
  "Billable",
  "Amount",
  "Created At",
];

interface ExportRow {
  id: string;
  username: string;
  client: string | null;
  project: string | null;
  task: string | null;
  start_ms: number;
  end_ms: number | null;
  notes: string;
  tags: string | null;
  source: string;
  billable: boolean;
  /** Hourly rate in cents, resolved as invoicing does (report-rates.ts). */
  rate_cents: number;
  created_ms: number;
}

/** Epoch milliseconds as float8: exact (the columns are timestamptz(3)), and date_part's float8 is far
 * cheaper than EXTRACT's numeric; parsed by both drivers alike. */
const ms = (col: Prisma.Sql) => Prisma.sql`round(date_part('epoch', ${col}) * 1000)`;

type Cursor = { ms: number; id: string };

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
  const keyset = after ? Prisma.sql`AND (e.start, e.id) < (${new Date(after.ms)}, ${after.id}::uuid)` : Prisma.empty;
  const projectJoin = f.clientId ? Prisma.sql`JOIN projects p ON p.id = e.project_id` : Prisma.empty;
  const limit = size === null ? Prisma.empty : Prisma.sql`LIMIT ${size}`;
  // With dated rates, each entry's rate is joined by project, user and the segment it started in.
  const dated = segments
    ? rateJoins(Prisma.sql`e.project_id`, Prisma.sql`e.user_id`, segmentSql(Prisma.sql`e.start`, segments))
    : null;
  return Prisma.sql`
    WITH ${segments ? rateCtes(segments) : Prisma.empty} b AS MATERIALIZED (
      SELECT e.id, e.user_id, e.project_id, e.task_id, e.start, e."end", e.notes, e.source, e.billable, e.created_at
      FROM time_entries e ${projectJoin}
      WHERE ${entryWhereSql(actor, f, tz)} ${keyset}
      ORDER BY e.start DESC, e.id DESC
      ${limit}
    ), tg AS (
      SELECT et.entry_id, string_agg(g.name, ', ' ORDER BY g.name) AS tags
      FROM time_entry_tags et JOIN tags g ON g.id = et.tag_id
      WHERE et.entry_id IN (SELECT id FROM b)
      GROUP BY et.entry_id
    )
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

/** Cents earned: the exact product of whole numbers divided once (what the SQL's numeric gave, to the
 * same output; see docs/performance.md); the product is exact up to 2^53, i.e. any realistic entry. */
function amountCents(durationMs: number, rateCents: number): number {
  const product = durationMs * rateCents;
  if (Number.isSafeInteger(product)) return product / 3_600_000;
  return Number(BigInt(durationMs) * BigInt(rateCents)) / 3_600_000;
}

/** The rows as CSV text, exactly as csvLine would write them. Timestamps, durations, ids, source and
 * yes/no never hold a delimiter, quote or line break, nor start with a formula character: written as they are. */
function formatRows(rows: ExportRow[], d: string, iso: (ms: number) => string, nowMs: number, money: boolean): string {
  let out = "";
  for (const r of rows) {
    // Rounded to the minute (half a minute up) as the reports and every list show it: durations and
    // amounts come from the same minutes, so the file adds up to the summary report's totals. A
    // running entry counts up to now.
    const durationMs = Math.floor(((r.end_ms ?? nowMs) - r.start_ms) / 60000 + 0.5) * 60000;
    const seconds = durationMs / 1000;
    out +=
      r.id +
      d +
      csvCell(r.username, d) +
      d +
      (r.client === null ? "" : csvCell(r.client, d)) +
      d +
      (r.project === null ? "" : csvCell(r.project, d)) +
      d +
      (r.task === null ? "" : csvCell(r.task, d)) +
      d +
      iso(r.start_ms) +
      d +
      (r.end_ms === null ? "" : iso(r.end_ms)) +
      d +
      formatDecimalHours(seconds) +
      d +
      formatHm(seconds) +
      d +
      csvCell(r.notes, d) +
      d +
      (r.tags === null ? "" : csvCell(r.tags, d)) +
      d +
      r.source +
      d +
      (r.billable ? "yes" : "no") +
      d +
      // Empty for a member when the organization keeps money from members (the column stays, so
      // the layout is the same for everyone). "-" possible: a running entry started in the future.
      (money ? csvCell((r.billable ? amountCents(durationMs, r.rate_cents) / 100 : 0).toFixed(2), d) : "") +
      d +
      iso(r.created_ms) +
      "\r\n";
  }
  return out;
}

/** A UTF-8 byte stream of the CSV (with BOM so spreadsheets pick the encoding). */
export async function exportEntriesCsv(
  actor: Actor,
  filters: TEntryFilters,
  tz: string,
  opts: { batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  const [{ csvDelimiter: d }, money] = await Promise.all([getOrgSettings(), canSeeMoney(actor)]);
  const segments = money ? await loadRateSegments() : null;
  // A replica when configured (DATABASE_REPLICA_URL): an export of a period may lag by its delay.
  const raw = readConnection().raw;
  const size = opts.batchSize ?? 5000;
  const iso = zonedIsoFormatter(tz);
  const enc = new TextEncoder();
  const fetchBatch = (after: Cursor | null) => {
    const q = exportBatchSql(actor, filters, tz, after, size, segments);
    const p = raw.query<ExportRow>(q.text, q.values);
    p.catch(() => {}); // awaited by the next pull; a cancelled download must not leave it unhandled
    return p;
  };
  let next: Promise<ExportRow[]> | null = fetchBatch(null);
  let rows = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode("\uFEFF" + csvLine(CSV_COLUMNS, d)));
    },
    // Pull-based: the next batch is read only when the client has taken the previous one; while this
    // batch is formatted, the database already works on the next (at most two batches in memory).
    async pull(controller) {
      if (!next) return;
      const list = await next;
      const last = list[list.length - 1];
      next = list.length === size ? fetchBatch({ ms: last.start_ms, id: last.id }) : null;
      rows += list.length;
      if (list.length) controller.enqueue(enc.encode(formatRows(list, d, iso, Date.now(), money)));
      if (!next) {
        track(
          "export.csv",
          { export_type: "detailed", num_rows: rows, date_range_days: rangeDays(filters) },
          { userId: actor.id },
        );
        controller.close();
      }
    },
    cancel() {
      next = null;
    },
  });
}
