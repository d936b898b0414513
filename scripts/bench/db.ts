// The bench database: a fresh database on the PostgreSQL server of DATABASE_URL (tt_bench_<ts>), or a
// temporary PGlite folder. Also records the SQL the app sends, so each scenario's floor can replay it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { connect, type DbConnection } from "@/lib/db/connection";

export interface BenchDb {
  conn: DbConnection;
  kind: "pglite" | "postgres";
  where: string;
  /** The bench database's URL (PostgreSQL), for a server started on it. */
  url?: string;
  dispose(): Promise<void>;
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** reuse: a database (PostgreSQL) or folder (PGlite) kept by an earlier `--keep` run; it is kept again. */
export async function openBenchDb(serverUrl: string | undefined, keep: boolean, reuse?: string): Promise<BenchDb> {
  if (reuse) keep = true;
  if (serverUrl) {
    const name = reuse ?? `tt_bench_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
    if (!/^tt_bench_\w+$/.test(name)) throw new Error("--reuse takes a tt_bench_* database name");
    if (!reuse) await admin(serverUrl, `CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const conn = connect({ kind: "postgres", url: url.toString(), poolMax: 10 });
    return {
      conn,
      kind: "postgres",
      where: `${url.host}/${name}`,
      url: url.toString(),
      async dispose() {
        await conn.close();
        if (!keep) await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), "tt-bench-"));
  const conn = connect({ kind: "pglite", dataDir: dir });
  return {
    conn,
    kind: "pglite",
    where: dir,
    async dispose() {
      await conn.close();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Captured {
  sql: string;
  params: unknown[];
}

let recording: Captured[] | null = null;
const TX_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET TRANSACTION)/i;

function record(first: unknown, second: unknown): void {
  if (!recording) return;
  const q = typeof first === "string" ? { sql: first, params: (second as unknown[]) ?? [] } : null;
  const o = first as { text?: string; values?: unknown[] } | null;
  const c = q ?? (o && typeof o.text === "string" ? { sql: o.text, params: o.values ?? [] } : null);
  if (c && !TX_CONTROL.test(c.sql)) recording.push(c);
}

function patch(proto: Record<string, unknown>): void {
  const orig = proto.query as (...a: unknown[]) => unknown;
  if ((orig as { __bench?: boolean }).__bench) return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    record(args[0], args[1]);
    return orig.apply(this, args);
  };
  (wrapped as { __bench?: boolean }).__bench = true;
  proto.query = wrapped;
}

/** Hooks the drivers' query methods once (pg.Client and PGlite), so capture() sees every statement. */
export function installCapture(): void {
  patch(pg.Client.prototype as unknown as Record<string, unknown>);
  let p: object | null = PGlite.prototype;
  while (p && !Object.prototype.hasOwnProperty.call(p, "query")) p = Object.getPrototypeOf(p);
  if (p) patch(p as Record<string, unknown>);
}

/** The statements fn sends to the database (transaction control left out). */
export async function capture(fn: () => Promise<unknown>): Promise<Captured[]> {
  recording = [];
  try {
    await fn();
    return recording;
  } finally {
    recording = null;
  }
}
