// CSV export of the detailed report: streamed in keyset batches, so memory stays constant and
// there is no row cap. Times are in the viewer's zone with their offset; amounts in SQL.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { track } from "@/lib/observability/track";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import { csvLine } from "./csv";
import { entryWhereSql, rangeDays } from "./entry-filters";
import { RATE_SQL, SECONDS_SQL } from "./reports";
import { getOrgSettings } from "./settings";
import { formatDecimalHours, formatHm } from "./time/duration-parse";
import { formatZonedIso } from "./time/tz";

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
  start: Date;
  end: Date | null;
  seconds: number;
  notes: string;
  tags: string | null;
  source: string;
  billable: boolean;
  amount: number;
  created_at: Date;
}

async function batch(
  actor: Actor,
  f: TEntryFilters,
  tz: string,
  after: { start: Date; id: string } | null,
  size: number,
) {
  const keyset = after ? Prisma.sql`AND (e.start, e.id) < (${after.start}, ${after.id}::uuid)` : Prisma.empty;
  return db().$queryRaw<ExportRow[]>(Prisma.sql`
    SELECT e.id::text AS id, u.username, c.name AS client, p.name AS project, t.name AS task,
           e.start, e."end", ${SECONDS_SQL}::float8 AS seconds, e.notes, e.source::text AS source, e.billable,
           (SELECT string_agg(g.name, ', ' ORDER BY g.name) FROM time_entry_tags et JOIN tags g ON g.id = et.tag_id WHERE et.entry_id = e.id) AS tags,
           CASE WHEN e.billable THEN ${SECONDS_SQL} * ${RATE_SQL} / 3600.0 ELSE 0 END::float8 AS amount,
           e.created_at
    FROM time_entries e
    JOIN projects p ON p.id = e.project_id JOIN clients c ON c.id = p.client_id
    JOIN users u ON u.id = e.user_id LEFT JOIN tasks t ON t.id = e.task_id
    WHERE ${entryWhereSql(actor, f, tz)} ${keyset}
    ORDER BY e.start DESC, e.id DESC
    LIMIT ${size}`);
}

/** A UTF-8 byte stream of the CSV (with BOM so spreadsheets pick the encoding). */
export async function exportEntriesCsv(
  actor: Actor,
  filters: TEntryFilters,
  tz: string,
  opts: { batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  const { csvDelimiter: d } = await getOrgSettings();
  const size = opts.batchSize ?? 500;
  const enc = new TextEncoder();
  let cursor: { start: Date; id: string } | null = null;
  let rows = 0;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(enc.encode("\uFEFF" + csvLine(CSV_COLUMNS, d)));
    },
    // Pull-based: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      if (done) return;
      const list = await batch(actor, filters, tz, cursor, size);
      let chunk = "";
      for (const r of list) {
        chunk += csvLine(
          [
            r.id,
            r.username,
            r.client,
            r.project,
            r.task ?? "",
            formatZonedIso(r.start, tz),
            r.end ? formatZonedIso(r.end, tz) : "",
            formatDecimalHours(Number(r.seconds)),
            formatHm(Number(r.seconds)),
            r.notes,
            r.tags ?? "",
            r.source,
            r.billable ? "yes" : "no",
            (Number(r.amount) / 100).toFixed(2),
            formatZonedIso(r.created_at, tz),
          ],
          d,
        );
      }
      rows += list.length;
      if (chunk) controller.enqueue(enc.encode(chunk));
      if (list.length < size) {
        done = true;
        track(
          "export.csv",
          { export_type: "detailed", num_rows: rows, date_range_days: rangeDays(filters) },
          { userId: actor.id },
        );
        controller.close();
      } else {
        const last = list[list.length - 1];
        cursor = { start: last.start, id: last.id };
      }
    },
  });
}
