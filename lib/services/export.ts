// CSV export of the detailed report, streamed with no row cap and constant memory. Times are in the
// viewer's zone with their offset; amounts as the reports compute them.
// On PostgreSQL: one COPY of a statement that writes every finished line (export-sql.ts), passed
// through with back-pressure (lib/db/copy-text.ts): the database does the formatting in one pass.
// On PGlite (and when PostgreSQL cannot format like Node: an unknown zone, instants before 1972):
// keyset batches formatted here. The plain driver returns primitives only (instants as epoch
// milliseconds), offsets are cached per hour (zoned-iso.ts), each batch becomes one string, and
// the next batch is already on its way while this one is formatted.
// Both paths write the same bytes: tests/export-csv.test.ts runs on either database.
import "server-only";
import { readConnection } from "@/lib/db";
import { CopyTimeZoneError } from "@/lib/db/copy-text";
import { logger } from "@/lib/observability/logger";
import { track } from "@/lib/observability/track";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { csvCell, csvLine } from "./csv";
import { rangeDays } from "./entry-filters";
import { exportBatchSql, exportLinesSql, LINES_RANGE_MARKER, type Cursor } from "./export-sql";
import { loadRateSegments } from "./report-rates";
import { canSeeMoney, getOrgSettings } from "./settings";
import { formatDecimalHours, formatHm } from "@/lib/time/duration-parse";
import { zonedIsoFormatter } from "@/lib/time/zoned-iso";

export { exportBatchSql, exportLinesSql } from "./export-sql";

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

/** Whether PostgreSQL refused to format this export like Node (before sending a row): see export-sql.ts. */
function cannotFormat(err: unknown): boolean {
  return err instanceof CopyTimeZoneError || String((err as Error)?.message).includes(LINES_RANGE_MARKER);
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
  const conn = readConnection();
  const size = opts.batchSize ?? 5000;
  const stats = { rows: 0 };
  const aborted = new AbortController();

  // Pull-based: the next batch is read only when the client has taken the previous one; while this
  // batch is formatted, the database already works on the next (at most two batches in memory).
  async function* batches(): AsyncGenerator<Uint8Array> {
    const enc = new TextEncoder();
    const iso = zonedIsoFormatter(tz);
    const fetchBatch = (after: Cursor | null) => {
      const q = exportBatchSql(actor, filters, tz, after, size, segments);
      const p = conn.raw.query<ExportRow>(q.text, q.values);
      p.catch(() => {}); // awaited by the next pull; a cancelled download must not leave it unhandled
      return p;
    };
    let next: Promise<ExportRow[]> | null = fetchBatch(null);
    while (next) {
      const list: ExportRow[] = await next;
      const last = list[list.length - 1];
      next = list.length === size ? fetchBatch({ ms: last.start_ms, id: last.id }) : null;
      stats.rows += list.length;
      if (list.length) yield enc.encode(formatRows(list, d, iso, Date.now(), money));
    }
  }

  async function* copied(copyText: NonNullable<typeof conn.copyText>): AsyncGenerator<Uint8Array> {
    let sent = false;
    try {
      const q = exportLinesSql(actor, filters, tz, d, money, segments);
      for await (const chunk of copyText(q, { timeZone: tz, signal: aborted.signal, stats })) {
        sent = true;
        yield chunk;
      }
    } catch (err) {
      if (sent || !cannotFormat(err)) throw err;
      logger().info(
        { event: "export.csv_fallback", reason: err instanceof CopyTimeZoneError ? "time_zone" : "instant_range" },
        "CSV export: formatted in batches instead of one COPY",
      );
      stats.rows = 0;
      yield* batches();
    }
  }

  const chunks = conn.copyText ? copied(conn.copyText) : batches();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("\uFEFF" + csvLine(CSV_COLUMNS, d)));
    },
    async pull(controller) {
      const { done, value } = await chunks.next();
      if (!done) return controller.enqueue(value);
      track(
        "export.csv",
        { export_type: "detailed", num_rows: stats.rows, date_range_days: rangeDays(filters) },
        { userId: actor.id },
      );
      controller.close();
    },
    async cancel() {
      aborted.abort(); // ends a COPY at once, even while the database is still sorting
      await chunks.return(undefined);
    },
  });
}
