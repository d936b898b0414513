// The floor of the full CSV export: the export's own SELECT, without its keyset and LIMIT, run once
// as `COPY (…) TO STDOUT` (PostgreSQL, through pg-copy-streams) or `COPY (…) TO '/dev/blob'`
// (PGlite), so the database does all its work and text conversion and nothing else runs.
import type { Pool } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { RawSql } from "@/lib/db/raw";
import type { Actor } from "@/lib/services/actor";
import { exportBatchSql } from "@/lib/services/export";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Captured } from "./db";

function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (v instanceof Date) return `'${v.toISOString()}'::timestamptz`;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** A statement with its parameters inlined (COPY takes none). */
export function inlined(st: Captured): string {
  return st.sql.trim().replace(/\$(\d+)/g, (_, n: string) => literal(st.params[Number(n) - 1]));
}

/** The export's statement over every row (no keyset, no LIMIT), as one SELECT for COPY. */
export function fullExportSelect(actor: Actor, f: TEntryFilters, tz: string): string {
  const q = exportBatchSql(actor, f, tz, null, null);
  return inlined({ sql: q.text, params: q.values });
}

/** One COPY of the SELECT; resolves to the bytes it produced (PostgreSQL) or 0 (PGlite's blob is dropped). */
export function copyFloor(raw: RawSql, pool: Pool | null, select: string): () => Promise<number> {
  if (!pool) return async () => (await raw.query(`COPY (${select}) TO '/dev/blob'`), 0);
  return async () => {
    const client = await pool.connect();
    try {
      const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
      let bytes = 0;
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      return bytes;
    } finally {
      client.release();
    }
  };
}
