// CSV export of the detailed report: streamed in keyset batches, so memory stays constant and
// there is no row cap. Times are in the viewer's zone with their offset; amounts in SQL.
// Built for a million rows: the plain driver returns primitives only (instants as epoch
// milliseconds), offsets are cached per hour (zoned-iso.ts), each batch becomes one string, and
// the next batch is already on its way while this one is formatted.
import "server-only";
import { dbConnection } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { track } from "@/lib/observability/track";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { csvCell, csvLine } from "./csv";
import { entryWhereSql, rangeDays } from "./entry-filters";
import { RATE_SQL, SECONDS_SQL } from "./reports";
import { getOrgSettings } from "./settings";
import { formatDecimalHours, formatHm } from "./time/duration-parse";
import { zonedIsoFormatter } from "./time/zoned-iso";

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
  client: string;
  project: string;
  task: string | null;
  start_ms: number;
  end_ms: number | null;
  seconds: number;
  notes: string;
  tags: string | null;
  source: string;
  billable: boolean;
  amount: number;
  created_ms: number;
}

/** Epoch milliseconds as float8: exact (the columns are timestamptz(3)) and parsed by both drivers alike. */
const ms = (col: Prisma.Sql) => Prisma.sql`(EXTRACT(EPOCH FROM ${col}) * 1000)::float8`;

type Cursor = { ms: number; id: string };

/** One batch of the export, newest first, after the keyset cursor. */
export function exportBatchSql(actor: Actor, f: TEntryFilters, tz: string, after: Cursor | null, size: number) {
  const keyset = after ? Prisma.sql`AND (e.start, e.id) < (${new Date(after.ms)}, ${after.id}::uuid)` : Prisma.empty;
  return Prisma.sql`
    SELECT e.id::text AS id, u.username, c.name AS client, p.name AS project, t.name AS task,
           ${ms(Prisma.sql`e.start`)} AS start_ms, ${ms(Prisma.sql`e."end"`)} AS end_ms,
           ${SECONDS_SQL}::float8 AS seconds, e.notes, e.source::text AS source, e.billable,
           (SELECT string_agg(g.name, ', ' ORDER BY g.name) FROM time_entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = e.id) AS tags,
           CASE WHEN e.billable THEN ${SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END::float8 AS amount,
           ${ms(Prisma.sql`e.created_at`)} AS created_ms
    FROM time_entries e
    JOIN projects p ON p.id = e.project_id JOIN clients c ON c.id = p.client_id
    JOIN users u ON u.id = e.user_id LEFT JOIN tasks t ON t.id = e.task_id
    WHERE ${entryWhereSql(actor, f, tz)} ${keyset}
    ORDER BY e.start DESC, e.id DESC
    LIMIT ${size}`;
}

/** The rows as CSV text, exactly as csvLine would write them. Timestamps, durations, ids, source and
 * yes/no never hold a delimiter, quote or line break, nor start with a formula character: written as they are. */
function formatRows(rows: ExportRow[], d: string, iso: (ms: number) => string): string {
  let out = "";
  for (const r of rows) {
    out +=
      r.id +
      d +
      csvCell(r.username, d) +
      d +
      csvCell(r.client, d) +
      d +
      csvCell(r.project, d) +
      d +
      (r.task === null ? "" : csvCell(r.task, d)) +
      d +
      iso(r.start_ms) +
      d +
      (r.end_ms === null ? "" : iso(r.end_ms)) +
      d +
      formatDecimalHours(r.seconds) +
      d +
      formatHm(r.seconds) +
      d +
      csvCell(r.notes, d) +
      d +
      (r.tags === null ? "" : csvCell(r.tags, d)) +
      d +
      r.source +
      d +
      (r.billable ? "yes" : "no") +
      d +
      csvCell((r.amount / 100).toFixed(2), d) + // may start with "-" (a running entry started in the future)
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
  const { csvDelimiter: d } = await getOrgSettings();
  const raw = dbConnection().raw;
  const size = opts.batchSize ?? 5000;
  const iso = zonedIsoFormatter(tz);
  const enc = new TextEncoder();
  const fetchBatch = (after: Cursor | null) => {
    const q = exportBatchSql(actor, filters, tz, after, size);
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
      if (list.length) controller.enqueue(enc.encode(formatRows(list, d, iso)));
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
