// The only module that hands out the database. One connection per process, kept on globalThis so
// Next's separate module graphs (instrumentation, routes, actions) and dev reloads share it.
import "server-only";
import { env } from "@/lib/env";
import { connect, type DbConnection } from "./connection";
import { migrate, type MigrateResult } from "./migrate";

export type { PrismaClient, Prisma } from "./generated/client";
export type { DbConnection } from "./connection";

const KEY = Symbol.for("timetracker.db");
const REPLICA = Symbol.for("timetracker.dbReplica");
type Holder = { [KEY]?: DbConnection; [REPLICA]?: DbConnection; __ttMigrated?: Promise<MigrateResult> };
const g = globalThis as unknown as Holder;

function configured(): DbConnection {
  const e = env();
  return e.DATABASE_URL
    ? connect({ kind: "postgres", url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX })
    : connect({
        kind: "pglite",
        dataDir: e.dataDir,
        // The logger is loaded when needed: a static import here would load it before the modules it uses.
        onTightened: (dir, r) =>
          void import("@/lib/observability/logger")
            .then(({ logger }) =>
              logger().warn(
                { event: "data_dir.tightened", dir, tightened: r.tightened, checked: r.checked },
                `data folder ${dir} was readable by other local users: removed group/other access from ${r.tightened} of ${r.checked} files and folders`,
              ),
            )
            // A notice must never become a failure (e.g. a process or test run that ends meanwhile).
            .catch(() => undefined),
        // Two processes writing one PGlite folder corrupt it: stop at once, with one clear line.
        onLockLost: (why) => {
          const message = `the lock on the embedded database in ${e.dataDir} was ${why === "removed" ? "deleted" : "taken over by another process"} while this server used it; stopping so that two processes never write it`;
          console.error(`TimeTracker stops: ${message}`);
          void import("@/lib/observability/logger")
            .then(({ flushLogs, logger }) => {
              logger().fatal({ event: "data_dir.lock_lost", why }, message);
              flushLogs();
            })
            .finally(() => process.exit(1));
        },
      });
}

export function dbConnection(): DbConnection {
  g[KEY] ??= configured();
  return g[KEY];
}

/**
 * For reads that may lag the primary by the replica's delay (reports and CSV exports): the replica
 * named by DATABASE_REPLICA_URL, else the primary. Never for what a user just wrote and expects to
 * see (the entries page, the timer, the week): those read dbConnection().
 */
export function readConnection(): DbConnection {
  if (g[REPLICA]) return g[REPLICA];
  const e = env();
  if (!e.DATABASE_URL || !e.DATABASE_REPLICA_URL) return dbConnection();
  g[REPLICA] = connect({ kind: "postgres", url: e.DATABASE_REPLICA_URL, poolMax: e.DB_POOL_MAX });
  return g[REPLICA];
}

/** For tests: reads of readConnection() go to `conn` (undefined: back to the configured one). */
export function setReplicaConnection(conn: DbConnection | undefined): void {
  g[REPLICA] = conn;
}

/** The connection installed now, without opening one: for background work that must not outlive it. */
export function installedDbConnection(): DbConnection | undefined {
  return g[KEY];
}

/** The Prisma client. Only lib/services/* may call this (style guide rule 1). */
export function db() {
  return dbConnection().prisma;
}

/** For tests: use the given connection (e.g. an in-memory PGlite) instead of the configured one. */
export function setDbConnection(conn: DbConnection | undefined): void {
  g[KEY] = conn;
  delete g.__ttMigrated;
}

/** Applies pending migrations once per process; later callers share the same promise. */
export function ensureMigrated(): Promise<MigrateResult> {
  g.__ttMigrated ??= migrate(dbConnection().raw, env().migrationsDir);
  return g.__ttMigrated;
}

export async function closeDb(): Promise<void> {
  const conn = g[KEY];
  const replica = g[REPLICA];
  delete g[KEY];
  delete g[REPLICA];
  if (replica) await replica.close();
  delete g.__ttMigrated;
  if (conn) await conn.close();
}
