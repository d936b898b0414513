// Counts for the scrape-time business gauges (/metrics). Aggregates only: no ids, names or emails.
import "server-only";
import { db, dbConnection } from "@/lib/db";

export async function countUsersByState(): Promise<{ active: number; inactive: number }> {
  const rows = await db().user.groupBy({ by: ["active"], _count: { _all: true } });
  const out = { active: 0, inactive: 0 };
  for (const r of rows) out[r.active ? "active" : "inactive"] = r._count._all;
  return out;
}

/** Running timers: time entries without an end (at most one per user, enforced by the database). */
export async function countActiveTimers(): Promise<number> {
  return db().timeEntry.count({ where: { end: null } });
}

export interface PoolStats {
  /** Open connections, idle ones, requests queued for one, and the configured maximum (DB_POOL_MAX). */
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** The PostgreSQL pool's numbers; null on the embedded database (it has no pool). */
export function poolStats(): PoolStats | null {
  const pool = dbConnection().pool;
  if (!pool) return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
}

/** Statements and transactions waiting for the embedded database's one connection; null on PostgreSQL. */
export function embeddedQueueLength(): number | null {
  const queued = dbConnection().queued;
  return queued ? queued() : null;
}
