// The CSV export scenarios' pieces: reading the export stream to its end, and the full export (every
// entry, admin) whose floor is one `COPY (the export's statement without LIMIT) TO STDOUT` instead of
// a replay of its keyset batches (see copy-floor.ts).
import type { Pool } from "pg";
import type { RawSql } from "@/lib/db/raw";
import type { Actor } from "@/lib/services/actor";
import { exportBatchSql, exportEntriesCsv } from "@/lib/services/export";
import { ZEntryFilters, type TEntryFilters } from "@/lib/validation/reports";
import { capture, type Captured } from "./db";
import { copyFloor, fullExportSelect } from "./copy-floor";

export const TZ = "Europe/Berlin";

/** Reads the export stream to its end; returns the data rows (lines after the header) and bytes. */
export async function readCsv(actor: Actor, f: TEntryFilters): Promise<{ csvRows: number; bytes: number }> {
  const reader = (await exportEntriesCsv(actor, f, TZ)).getReader();
  let lines = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
  }
  return { csvRows: lines - 1, bytes };
}

/** The first batch statement the export sends (read one chunk, then cancel). */
async function firstBatch(actor: Actor, f: TEntryFilters): Promise<Captured> {
  const statements = await capture(async () => {
    const reader = (await exportEntriesCsv(actor, f, TZ)).getReader();
    for (let got = 0; got < 2; got++) if ((await reader.read()).done) break; // header, then the first batch
    await reader.cancel();
  });
  const st = statements.find((s) => /FROM time_entries/i.test(s.sql));
  if (!st) throw new Error("export scenario: no time_entries statement captured");
  return st;
}

export function exportAllScenario(admin: Actor) {
  const all = ZEntryFilters.parse({});
  return {
    name: "export_csv_all",
    description: "CSV export of ALL entries (exportEntriesCsv stream read to the end), admin, all users, no range",
    run: () => readCsv(admin, all),
    note: "floor: COPY (the export's SELECT, no keyset/LIMIT) TO STDOUT via pg-copy-streams on PostgreSQL, TO '/dev/blob' on PGlite",
    // One sample reads the whole table: fewer samples than the others (the report says how many).
    samples: 3,
    warmup: 1,
    async floor(raw: RawSql, pool: Pool | null) {
      // The floor is the statement the export really sends, without its LIMIT.
      const sent = await firstBatch(admin, all);
      // PostgreSQL: one COPY of exportLinesSql (lib/db/copy-text.ts); the floor stays the COPY of the raw
      // columns' statement, as before, so that figures compare across versions.
      if (
        pool
          ? !/^COPY \(\s*WITH[\s\S]*concat_ws\(/.test(sent.sql)
          : sent.sql.trim() !== exportBatchSql(admin, all, TZ, null, 5000).text.trim()
      )
        throw new Error("export scenario: the export sent another statement than expected");
      const select = fullExportSelect(admin, all, TZ);
      return { run: copyFloor(raw, pool, select), statements: [{ sql: select, params: [] }] };
    },
  };
}
