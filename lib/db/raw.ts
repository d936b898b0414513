// A small raw-SQL surface over either driver, for what Prisma's client cannot do: multi-statement
// migration scripts, advisory locks, readiness pings and bulk work.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Pool, PoolClient } from "pg";

export type DbKind = "pglite" | "postgres";

export interface SqlTx {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (simple query protocol). */
  exec(script: string): Promise<void>;
}

export interface SqlSession extends SqlTx {
  /** Runs fn in one transaction: all of it commits, or none of it does. */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
}

export interface RawSql extends SqlTx {
  kind: DbKind;
  /** One connection for the whole of fn (needed for session-level advisory locks). */
  withSession<T>(fn: (s: SqlSession) => Promise<T>): Promise<T>;
}

function pgliteTx(tx: PGlite | Transaction): SqlTx {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const res = await tx.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(script: string) {
      await tx.exec(script);
    },
  };
}

export function rawFromPGlite(pg: PGlite): RawSql {
  const base = pgliteTx(pg);
  const session: SqlSession = {
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(pgliteTx(tx))),
  };
  return { kind: "pglite", ...base, withSession: (fn) => fn(session) };
}

function pgTx(client: Pool | PoolClient): SqlTx {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const res = await client.query(sql, params);
      return res.rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

export function rawFromPool(pool: Pool): RawSql {
  return {
    kind: "postgres",
    ...pgTx(pool),
    async withSession(fn) {
      const client = await pool.connect();
      try {
        const tx = pgTx(client);
        return await fn({
          ...tx,
          async transaction(inner) {
            await client.query("BEGIN");
            try {
              const out = await inner(tx);
              await client.query("COMMIT");
              return out;
            } catch (err) {
              await client.query("ROLLBACK");
              throw err;
            }
          },
        });
      } finally {
        client.release();
      }
    },
  };
}
