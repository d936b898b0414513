// Builds the process's database connection: embedded PGlite in DATA_DIR by default, PostgreSQL
// when DATABASE_URL is set. Both speak the PostgreSQL dialect; the rest of the app cannot tell.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client, Pool } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { copyText, type CopyTextOptions } from "./copy-text";
import { lockDataDir, type LockCompromised } from "./data-dir-lock";
import { secureDataDir, type TightenResult } from "./data-dir-perms";
import { initClusterInChild } from "./pglite-initdb";
import { inTurns } from "./pglite-turns";
import { PrivateNodeFS } from "./private-nodefs";
import { PrismaClient } from "./generated/client";
import { rawFromPGlite, rawFromPool, type RawSql, type SqlTx } from "./raw";
import { tagDbError } from "../observability/db-error";
import { observeDbQuery } from "../observability/db-hooks";

/** Times every Prisma operation for timetracker_db_query_duration_seconds (Prisma 7 has no $metrics).
 * A query-only extension keeps the client's API, so the cast back to PrismaClient is safe. */
function timed(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const started = performance.now();
        try {
          return await query(args);
        } catch (err) {
          // Logs and Sentry name the failed statement by model/operation, never by its message.
          tagDbError(err, model ?? "raw", operation);
          throw err;
        } finally {
          observeDbQuery(model ?? "raw", operation, (performance.now() - started) / 1000);
        }
      },
    },
  }) as unknown as PrismaClient;
}

/** The same for statements sent through the plain driver (exports, backups, the summary report):
 * model "raw", operation "query" or "exec". */
function timedRaw(raw: RawSql): RawSql {
  const time = <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return run()
      .catch((err: unknown) => {
        tagDbError(err, "raw", operation);
        throw err;
      })
      .finally(() => observeDbQuery("raw", operation, (performance.now() - started) / 1000));
  };
  const tx = (t: SqlTx): SqlTx => ({
    query: (sql, params) => time("query", () => t.query(sql, params)),
    exec: (script) => time("exec", () => t.exec(script)),
  });
  return {
    kind: raw.kind,
    ...tx(raw),
    withSession: (fn) =>
      raw.withSession((s) => fn({ ...tx(s), transaction: (inner) => s.transaction((t) => inner(tx(t))) })),
  };
}

export interface DbConnection {
  prisma: PrismaClient;
  raw: RawSql;
  /** The pg pool when on PostgreSQL (for pool gauges), else null. */
  pool: Pool | null;
  /** PGlite: statements and transactions waiting for its one connection (for a gauge), else null. */
  queued: (() => number) | null;
  /** PostgreSQL: opens a connection of its own, outside the pool, for what needs one session for a
   * long time (LISTEN, session advisory locks: lib/services/cluster, lib/services/live). PGlite: null
   * (one process per data folder: nothing to coordinate with). The caller ends it. */
  openSession: (() => Promise<Client>) | null;
  /** PostgreSQL: a one-text-column SELECT streamed through COPY on a pool client (copy-text.ts); PGlite: null. */
  copyText:
    ((query: { text: string; values: readonly unknown[] }, opts: CopyTextOptions) => AsyncGenerator<Buffer>) | null;
  close(): Promise<void>;
}

export type ConnectOptions =
  | { kind: "postgres"; url: string; poolMax: number }
  /** dataDir undefined = in memory (tests). onTightened: told when an existing folder was readable by others. */
  | {
      kind: "pglite";
      dataDir?: string;
      onTightened?: (dir: string, r: TightenResult) => void;
      /** The data folder's lock was lost while open (lib/db/data-dir-lock.ts); default: stderr line + exit(1). */
      onLockLost?: (why: LockCompromised) => void;
    };

// Interactive transactions wait for a free connection up to maxWait (Prisma's default: 2 s, then a 500).
// Under a burst (the load test: 100 users on a pool of 10, a busy 2-core host) a request should queue
// a little longer rather than fail; timeout bounds how long one transaction may hold its connection.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

export function connect(opts: ConnectOptions): DbConnection {
  if (opts.kind === "postgres") {
    const pool = new Pool({ connectionString: opts.url, max: opts.poolMax });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on("error", () => {});
    const prisma = timed(new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS }));
    return {
      prisma,
      raw: timedRaw(rawFromPool(pool)),
      pool,
      queued: null,
      async openSession() {
        // keepAlive: a leader or listener whose peer vanished notices, and so does the server.
        const client = new Client({
          connectionString: opts.url,
          keepAlive: true,
          application_name: `timetracker:${process.pid}`,
        });
        await client.connect();
        return client;
      },
      copyText: (query, copyOpts) => copyText(pool, query, copyOpts),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  if (opts.dataDir) {
    // Private before anything is written in it (the lock file included): lib/db/data-dir-perms.ts.
    const tightened = secureDataDir(opts.dataDir);
    if (tightened.tightened) opts.onTightened?.(opts.dataDir, tightened);
  }
  const release = opts.dataDir ? lockDataDir(opts.dataDir, { onCompromised: opts.onLockLost }) : () => {};
  // A new folder's initdb runs in a child process, so its memory leaves with it (pglite-initdb.ts).
  try {
    if (opts.dataDir && initClusterInChild(opts.dataDir)) secureDataDir(opts.dataDir);
  } catch (err) {
    release();
    throw err;
  }
  const engine = opts.dataDir ? new PGlite({ fs: new PrivateNodeFS(opts.dataDir) }) : new PGlite();
  // Every statement in its own event-loop turn: a backlog of SQL never starves the server's I/O.
  const pglite = inTurns(engine);
  const prisma = timed(
    new PrismaClient({ adapter: new PrismaPGlite(pglite), transactionOptions: TRANSACTION_OPTIONS }),
  );
  return {
    prisma,
    raw: timedRaw(rawFromPGlite(pglite)),
    pool: null,
    queued: () => pglite.turnStats().queued,
    openSession: null,
    copyText: null,
    async close() {
      await prisma.$disconnect();
      await engine.close();
      release();
    },
  };
}
