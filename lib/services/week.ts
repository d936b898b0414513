// The week view and dashboard numbers: per-day and per-project/task totals for one user, bucketed
// by local day in their zone (SQL), the running entry included up to now.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { targetUserId, type Actor } from "./actor";
import { MINUTE_SECONDS_SQL } from "./reports";
import { addDays, dayRange, type DateKey } from "@/lib/time/tz";

export interface WeekCell {
  day: DateKey;
  /** Null: time tracked without a project. */
  projectId: string | null;
  projectName: string | null;
  projectColor: string | null;
  taskId: string | null;
  taskName: string | null;
  seconds: number;
}

export interface WeekData {
  days: DateKey[];
  cells: WeekCell[];
  dayTotals: Record<DateKey, number>;
  totalSeconds: number;
}

/** Seven days from weekStartKey, in tz, for the user. */
export async function weekData(actor: Actor, weekStartKey: DateKey, tz: string, userId?: string): Promise<WeekData> {
  const uid = targetUserId(actor, userId);
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStartKey, i));
  const { from, to } = dayRange(days[0], days[6], tz);
  const rows = await db().$queryRaw<
    {
      day: string;
      project_id: string | null;
      project_name: string | null;
      color: string | null;
      task_id: string | null;
      task_name: string | null;
      seconds: number;
    }[]
  >(Prisma.sql`
    SELECT to_char(date_trunc('day', e.start AT TIME ZONE ${tz}), 'YYYY-MM-DD') AS day,
           p.id::text AS project_id, p.name AS project_name, p.color AS color,
           t.id::text AS task_id, t.name AS task_name,
           SUM(${MINUTE_SECONDS_SQL})::float8 AS seconds
    FROM time_entries e LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN tasks t ON t.id = e.task_id
    WHERE e.user_id = ${uid}::uuid AND e.start >= ${from} AND e.start < ${to}
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY 3, 6 NULLS FIRST`);
  const cells = rows.map((r) => ({
    day: r.day,
    projectId: r.project_id,
    projectName: r.project_name,
    projectColor: r.color,
    taskId: r.task_id,
    taskName: r.task_name,
    seconds: Math.round(Number(r.seconds)),
  }));
  const dayTotals: Record<string, number> = Object.fromEntries(days.map((d) => [d, 0]));
  for (const c of cells) dayTotals[c.day] = (dayTotals[c.day] ?? 0) + c.seconds;
  return { days, cells, dayTotals, totalSeconds: cells.reduce((s, c) => s + c.seconds, 0) };
}
