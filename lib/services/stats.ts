// Counts for the scrape-time business gauges (/metrics). Aggregates only: no ids, names or emails.
import "server-only";
import { db } from "@/lib/db";

export async function countUsersByState(): Promise<{ active: number; inactive: number }> {
  const rows = await db().user.groupBy({ by: ["active"], _count: { _all: true } });
  const out = { active: 0, inactive: 0 };
  for (const r of rows) out[r.active ? "active" : "inactive"] = r._count._all;
  return out;
}

// The time-entry table arrives with the timer feature; until then (or if its end column is named
// differently) there are no running timers to count. The running timer is the row whose end is NULL.
const END_COLUMNS = ["end_at", "ended_at", "end_time", "end", "stopped_at"];

export async function countActiveTimers(): Promise<number> {
  const cols = await db().$queryRawUnsafe<{ column_name: string }[]>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'time_entries'`,
  );
  const names = new Set(cols.map((c) => c.column_name));
  const end = END_COLUMNS.find((c) => names.has(c));
  if (!end) return 0;
  const rows = await db().$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM time_entries WHERE "${end}" IS NULL`,
  );
  return Number(rows[0]?.n ?? 0);
}
