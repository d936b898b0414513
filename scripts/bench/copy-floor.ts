// The floor of the full CSV export: the export's own SELECT, without its keyset and LIMIT, run once
// as `COPY (…) TO STDOUT` (PostgreSQL, through pg-copy-streams) or `COPY (…) TO '/dev/blob'`
// (PGlite), so the database does all its work and text conversion and nothing else runs.
import type { Pool } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { RawSql } from "@/lib/db/raw";
import type { Captured } from "./db";

function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (v instanceof Date) return `'${v.toISOString()}'::timestamptz`;
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** The first batch's statement as one SELECT over all rows, parameters inlined (COPY takes none). */
export function fullSelect(st: Captured): string {
  const sql = st.sql.trim().replace(/\s+LIMIT\s+\$\d+\s*$/i, "");
  if (sql === st.sql.trim()) throw new Error("copy floor: the export statement does not end in LIMIT $n");
  return sql.replace(/\$(\d+)/g, (_, n: string) => literal(st.params[Number(n) - 1]));
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
