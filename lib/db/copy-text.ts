// PostgreSQL only: streams a SELECT whose rows are ready-made text (one column: e.g. whole CSV lines)
// through `COPY (…) TO STDOUT (FORMAT binary)` on one pool client, with back-pressure: the copy
// stream stops reading the socket while the consumer does not ask for more, so the server's memory
// stays flat however large the result. Used by the CSV export (lib/services/export.ts), where the
// per-row work in Node was the bottleneck (docs/performance.md).
import { escapeLiteral, type Pool, type PoolClient } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { observeDbQuery } from "../observability/db-hooks";
import { CopyBinaryText } from "./copy-binary";

export interface CopyTextOptions {
  /** The session time zone for the statement (SET LOCAL TimeZone): to_char and the like format in it. */
  timeZone: string;
  /** Aborting ends the COPY at once: the statement is cancelled and the connection closed. */
  signal?: AbortSignal;
  /** Rows read so far, updated as the stream goes (for the caller's event). */
  stats?: { rows: number };
}

/** Thrown when the time zone is unknown to the database (nothing was sent). */
export class CopyTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super("time zone unknown to the database");
  }
}

/** A parameter as a SQL literal: COPY takes no bind parameters. Strings through pg's escapeLiteral. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (v instanceof Date) return `${escapeLiteral(v.toISOString())}::timestamptz`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "bigint" || (typeof v === "number" && Number.isFinite(v))) return `(${String(v)})`;
  if (typeof v === "string") return escapeLiteral(v);
  throw new Error(`copyText: unsupported parameter type ${typeof v}`);
}

/** The statement with its $n parameters inlined. Our statements hold no "$" of their own. */
export function inlineParams(sql: string, values: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= values.length) throw new Error(`copyText: no value for $${n}`);
    return literal(values[i]);
  });
}

function abortError(): Error {
  const err = new Error("COPY aborted");
  err.name = "AbortError";
  return err;
}

/**
 * Yields the bytes of every row's fields, in the SELECT's order. Ends the transaction and returns the
 * client to the pool when the result was read to its end; on an error, an abort or an early return,
 * cancels the statement and closes the connection (a client in the middle of a COPY cannot be reused).
 */
export async function* copyText(
  pool: Pool,
  query: { text: string; values: readonly unknown[] },
  opts: CopyTextOptions,
): AsyncGenerator<Buffer, void, undefined> {
  if (opts.signal?.aborted) throw abortError();
  const sql = `COPY (${inlineParams(query.text, query.values)}) TO STDOUT (FORMAT binary)`;
  const started = performance.now();
  const client: PoolClient = await pool.connect();
  let clean = false;
  let running = false;
  let stream: ReturnType<typeof copyTo> | null = null;
  const onAbort = () => stream?.destroy(abortError());
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    // One snapshot for the whole result. JIT off: compiling the per-row expressions cost more than it
    // saved on a 1M-row export (docs/performance.md), and far more on a small one.
    await client.query("BEGIN READ ONLY; SET LOCAL jit = off");
    try {
      await client.query("SELECT set_config('TimeZone', $1, true)", [opts.timeZone]);
    } catch (err) {
      if ((err as { code?: string }).code === "22023") throw new CopyTimeZoneError(opts.timeZone);
      throw err;
    }
    const parser = new CopyBinaryText();
    stream = client.query(copyTo(sql));
    // pg reports a cancelled or cut-off COPY on the stream even after we stopped reading it.
    stream.on("error", () => undefined);
    running = true;
    if (opts.signal?.aborted) onAbort();
    for await (const chunk of stream) {
      const out = parser.push(chunk as Buffer);
      if (opts.stats) opts.stats.rows = parser.rows;
      if (out.length) yield out;
    }
    running = false;
    parser.end();
    await client.query("COMMIT");
    clean = true;
  } catch (err) {
    if ((err as { code?: string }).code) running = false; // the server's own error: the statement ended
    throw err;
  } finally {
    opts.signal?.removeEventListener("abort", onAbort);
    observeDbQuery("raw", "copy", (performance.now() - started) / 1000);
    if (clean) client.release();
    else {
      // The backend may still be sorting or sending: cancel it (from another connection), then close
      // this one. Neither may throw here: the caller's own error (or none, on an abort) is what counts.
      const pid = (client as unknown as { processID?: number }).processID;
      if (running && pid) pool.query("SELECT pg_cancel_backend($1)", [pid]).catch(() => undefined);
      client.release(true);
    }
  }
}
