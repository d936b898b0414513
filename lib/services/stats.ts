// Counts for the scrape-time business gauges (/metrics). Aggregates only: no ids, names or emails.
import "server-only";
import { db } from "@/lib/db";

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
