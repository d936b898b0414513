// Backups: a consistent snapshot of every application table as gzip'd JSON lines, and its restore
// into an empty database of the same schema version. Generic over tables, so new models are
// included without code changes. Format (one JSON document per line):
//   {"format":"timetracker-backup","version":1,...header}   then per table:
//   {"table":"users","rows":N}  followed by N lines of row_to_json output, then {"end":true,"counts":{...}}
// Admins only: a backup holds every account's password hash. The CLI scripts pass a system actor.
import "server-only";
import { createGunzip, createGzip } from "node:zlib";
import readline from "node:readline";
import { PassThrough, Readable, pipeline } from "node:stream";
import { dbConnection } from "@/lib/db";
import type { RawSql, SqlTx } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import { APP_VERSION } from "@/lib/version";
import { assertAdmin, type Caller } from "./actor";

export const BACKUP_FORMAT = "timetracker-backup";
export const BACKUP_VERSION = 1;
const BATCH = 500;
/** Restore writes a batch once its JSON reaches this size, so a table of files never builds a huge statement. */
const BATCH_CHARS = 8 * 1024 * 1024;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  app_version: string;
  created_at: string;
  database: "pglite" | "postgres";
  migrations: string[];
  tables: { name: string; rows: number }[];
}

export type BackupProgress = { table: string; rowsDone: number; rowsTotal: number };

/** Application tables in an order where every foreign key points at an earlier table. */
async function tablesInDependencyOrder(tx: SqlTx): Promise<string[]> {
  const tables = (
    await tx.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).map((r) => r.tablename);
  const deps = await tx.query<{ child: string; parent: string }>(
    `SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent
       FROM information_schema.table_constraints tc
       JOIN information_schema.constraint_column_usage ccu
         ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return; // a cycle is broken at the repeat
    visiting.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

async function hasBinaryColumn(tx: SqlTx, table: string): Promise<boolean> {
  const rows = await tx.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND data_type = 'bytea'`,
    [table],
  );
  return rows[0].n !== "0";
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The size of a snapshot: data rows, and lines in the uncompressed file (rows + one per table + 2). */
export interface BackupSize {
  rows: number;
  lines: number;
}

export interface BackupOptions {
  onProgress?: (p: BackupProgress) => void;
  /** The database to read or write; the configured one by default. */
  sql?: RawSql;
}

/** Streams a backup as gzip'd bytes, read inside one snapshot transaction, in constant memory. */
export function backupStream(actor: Caller, opts: BackupOptions = {}): ReadableStream<Uint8Array> {
  assertAdmin(actor, "download backups");
  const { stream, size } = openBackup(opts.onProgress, opts.sql ?? dbConnection().raw);
  size.catch(() => undefined); // a failure also ends the stream with an error
  return stream;
}

/** Like backupStream, but waits until the snapshot's exact size is known (counted inside the same
 * transaction as the rows that follow), so an HTTP response can announce it before streaming. */
export async function startBackup(
  actor: Caller,
  opts: BackupOptions = {},
): Promise<{ stream: ReadableStream<Uint8Array>; size: BackupSize }> {
  assertAdmin(actor, "download backups");
  const { stream, size } = openBackup(opts.onProgress, opts.sql ?? dbConnection().raw);
  return { stream, size: await size };
}

function openBackup(onProgress: ((p: BackupProgress) => void) | undefined, sql: RawSql) {
  let sized: (s: BackupSize) => void = () => undefined;
  let failed: (err: unknown) => void = () => undefined;
  const size = new Promise<BackupSize>((resolve, reject) => ((sized = resolve), (failed = reject)));
  const pass = new PassThrough();
  const gzip = createGzip();
  // A cancelled download destroys the gzip stream; pipeline then destroys pass, and write() rejects,
  // which ends the snapshot transaction instead of holding the database forever.
  pipeline(pass, gzip, () => {});
  const write = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (pass.destroyed) return reject(new Error("backup download cancelled"));
      if (pass.write(line + "\n")) return resolve();
      const onDrain = () => (pass.off("close", onClose), resolve());
      const onClose = () => (pass.off("drain", onDrain), reject(new Error("backup download cancelled")));
      pass.once("drain", onDrain);
      pass.once("close", onClose);
    });
  void sql
    .withSession((s) =>
      s.transaction(async (tx) => {
        if (sql.kind === "postgres") await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const tables = await tablesInDependencyOrder(tx);
        const counts: Record<string, number> = {};
        for (const t of tables)
          counts[t] = Number((await tx.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(t)}`))[0].n);
        const migrations = (
          await tx.query<{ migration_name: string }>(
            `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
          )
        ).map((r) => r.migration_name);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          app_version: APP_VERSION,
          created_at: new Date().toISOString(),
          database: sql.kind,
          migrations,
          tables: tables.map((name) => ({ name, rows: counts[name] })),
        };
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        sized({ rows, lines: rows + tables.length + 2 });
        await write(JSON.stringify(header));
        for (const t of tables) {
          await write(JSON.stringify({ table: t, rows: counts[t] }));
          await tx.exec(
            `DECLARE tt_backup_cur NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${ident(t)} x`,
          );
          let done = 0;
          // Rows holding files (receipts: up to 10 MB each, twice that as hex) are read one at a time.
          const batch = (await hasBinaryColumn(tx, t)) ? 1 : BATCH;
          for (;;) {
            const rows = await tx.query<{ j: string }>(`FETCH ${batch} FROM tt_backup_cur`);
            if (!rows.length) break;
            for (const r of rows) await write(r.j);
            done += rows.length;
            onProgress?.({ table: t, rowsDone: done, rowsTotal: counts[t] });
          }
          await tx.exec("CLOSE tt_backup_cur");
        }
        await write(JSON.stringify({ end: true, counts }));
      }),
    )
    .then(
      () => pass.end(),
      (err: unknown) => {
        failed(err);
        pass.destroy(err as Error);
      },
    );
  return { stream: Readable.toWeb(gzip) as ReadableStream<Uint8Array>, size };
}

export interface RestoreResult {
  tables: number;
  rows: number;
}

/** Restores a backup into an empty, migrated database at the same schema version, in one transaction. */
export async function restoreBackup(
  actor: Caller,
  input: NodeJS.ReadableStream,
  opts: BackupOptions = {},
): Promise<RestoreResult> {
  assertAdmin(actor, "restore backups");
  const { onProgress, sql = dbConnection().raw } = opts;
  const rl = readline.createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  const first = await it.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(String(first.value)) as BackupHeader;
  } catch {
    throw new AppError("VALIDATION", "This file is not a TimeTracker backup.");
  }
  if (header.format !== BACKUP_FORMAT) throw new AppError("VALIDATION", "This file is not a TimeTracker backup.");
  if (header.version > BACKUP_VERSION)
    throw new AppError("VALIDATION", `Backup format ${header.version} is newer than this version understands.`);

  return sql.withSession((s) =>
    s.transaction(async (tx) => {
      const applied = (
        await tx.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
      ).map((r) => r.migration_name);
      if (applied.join() !== header.migrations.join()) {
        throw new AppError(
          "CONFLICT",
          `The backup was made at schema ${header.migrations.at(-1) ?? "(none)"}, this database is at ${applied.at(-1) ?? "(none)"}. ` +
            "Restore with the TimeTracker version that made the backup, then upgrade.",
        );
      }
      for (const t of await tablesInDependencyOrder(tx)) {
        const n = Number((await tx.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(t)}`))[0].n);
        if (n > 0)
          throw new AppError(
            "CONFLICT",
            `The target database is not empty (table ${t} has ${n} rows). Restore into an empty database.`,
          );
      }
      let table = "";
      let total = 0;
      let done = 0;
      let rows = 0;
      let batch: string[] = [];
      let batchChars = 0;
      const flush = async () => {
        if (!batch.length) return;
        await tx.query(
          `INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`,
          [`[${batch.join(",")}]`],
        );
        done += batch.length;
        rows += batch.length;
        batch = [];
        batchChars = 0;
        onProgress?.({ table, rowsDone: done, rowsTotal: total });
      };
      let ended = false;
      for (let next = await it.next(); !next.done; next = await it.next()) {
        const line = String(next.value);
        if (!line) continue;
        if (line.startsWith('{"table":')) {
          await flush();
          const m = JSON.parse(line) as { table: string; rows: number };
          if (!header.tables.some((h) => h.name === m.table))
            throw new AppError("VALIDATION", `Unknown table ${m.table} in backup.`);
          table = m.table;
          total = m.rows;
          done = 0;
        } else if (line.startsWith('{"end":')) {
          await flush();
          ended = true;
        } else {
          batch.push(line);
          batchChars += line.length;
          if (batch.length >= BATCH || batchChars >= BATCH_CHARS) await flush();
        }
      }
      if (!ended)
        throw new AppError("VALIDATION", "The backup file is truncated: restore aborted, nothing was written.");
      return { tables: header.tables.length, rows };
    }),
  );
}
