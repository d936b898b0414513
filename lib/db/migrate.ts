// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order, each in its own transaction,
// recording history in Prisma's own `_prisma_migrations` table so that `prisma migrate status|deploy`
// (run by an operator who has the native engine) sees the same history.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { RawSql, SqlSession } from "./raw";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

// Prisma's table, column for column (schema-engine's postgres connector), so both tools share it.
const HISTORY_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Arbitrary constant; serialises concurrent starters on PostgreSQL (several replicas at once).
const ADVISORY_LOCK_KEY = 7_265_734_871;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

// Git may turn LF into CRLF on Windows checkouts; the same migration must still match.
function sameChecksum(recorded: string, file: MigrationFile): boolean {
  return (
    recorded === file.checksum ||
    recorded === checksumOf(file.sql.replace(/\r\n/g, "\n")) ||
    recorded === checksumOf(file.sql.replace(/\r?\n/g, "\r\n"))
  );
}

async function applyPending(s: SqlSession, files: MigrationFile[]): Promise<MigrateResult> {
  await s.exec(HISTORY_DDL);
  const rows = await s.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const live = rows.filter((r) => r.rolled_back_at === null);
  const failed = live.find((r) => r.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} is recorded as failed. Fix the database by hand, then mark it with ` +
        "`prisma migrate resolve`, or delete its row from _prisma_migrations. See docs/upgrading.md.",
    );
  }
  const done = new Map(live.map((r) => [r.migration_name, r]));
  for (const file of files) {
    const row = done.get(file.name);
    if (row && !sameChecksum(row.checksum, file)) {
      throw new MigrationError(
        `Migration ${file.name} was edited after it was applied (checksum mismatch). ` +
          "Restore the original file and put the change in a new migration.",
      );
    }
  }
  const pending = files.filter((f) => !done.has(f.name));
  for (const file of pending) {
    try {
      await s.transaction(async (tx) => {
        await tx.exec(file.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
      });
    } catch (err) {
      throw new MigrationError(
        `Migration ${file.name} failed and was rolled back; nothing of it was applied: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }
  return { applied: pending.map((f) => f.name), alreadyApplied: files.length - pending.length };
}

/** Applies every pending migration from dir. Throws MigrationError with an operator-readable message. */
export async function migrate(sql: RawSql, dir: string): Promise<MigrateResult> {
  const files = readMigrations(dir);
  return sql.withSession(async (s) => {
    if (sql.kind === "postgres") await s.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      return await applyPending(s, files);
    } finally {
      if (sql.kind === "postgres") await s.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  });
}
