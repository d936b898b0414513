// The effective-dated rate resolver of invoicing (rate-table.ts) in SQL, for reports and the CSV
// export: most specific level wins (project member > project > member > client > organization), and
// within a level the rate with the latest effective day on or before the entry's day in the
// organization's time zone. With no dated rate at all (most installs) the rate is the project's,
// else its client's, else 0, and the statements keep their plain fast form (RATE_SQL).
import "server-only";
import { dbConnection } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { startOfDay } from "@/lib/time/tz";
import { getOrgSettings } from "./settings";

export const RATE_SQL = Prisma.sql`COALESCE(p.hourly_rate_cents, c.default_hourly_rate_cents, 0)`;

/** The days on which some dated rate starts, oldest first: between two of them no rate changes, so an
 * entry's rate depends only on its project, its user and the segment its start falls in. */
export interface RateSegments {
  /** Segment k (1-based) starts at days[k-1] 00:00 in the organization's zone; segment 0 before all. */
  days: string[];
  starts: Date[];
}

/** Null when no dated rate exists (one small read, an index-only scan). */
export async function loadRateSegments(): Promise<RateSegments | null> {
  const rows = await dbConnection().raw.query<{ day: string }>(
    `SELECT DISTINCT to_char(effective_from, 'YYYY-MM-DD') AS day FROM rates ORDER BY 1`,
  );
  if (!rows.length) return null;
  const { timezone } = await getOrgSettings();
  const days = rows.map((r) => r.day);
  return { days, starts: days.map((d) => startOfDay(d, timezone)) };
}

/** The segment number of an instant (a few comparisons per row). */
export function segmentSql(start: Prisma.Sql, s: RateSegments): Prisma.Sql {
  const whens = s.starts.map((t, i) => Prisma.sql`WHEN ${start} >= ${t}::timestamptz THEN ${i + 1}::int`).reverse();
  return Prisma.sql`CASE ${Prisma.join(whens, " ")} ELSE 0 END`;
}

/** The day a segment starts on (null for segment 0: no dated rate applies yet). */
export function segmentDaySql(seg: Prisma.Sql, s: RateSegments): Prisma.Sql {
  const whens = s.days.map((d, i) => Prisma.sql`WHEN ${i + 1}::int THEN ${d}::date`);
  return Prisma.sql`(CASE ${seg} ${Prisma.join(whens, " ")} ELSE NULL::date END)`;
}

/** The resolved hourly rate in cents for work by `user` on `project` (p and c: the project and its
 * client, joined; both may be null) on `day` (null: before every dated rate). Mirrors RateTable.resolve. */
export function resolvedRateSql(project: Prisma.Sql, user: Prisma.Sql, day: Prisma.Sql): Prisma.Sql {
  const dated = (where: Prisma.Sql) =>
    Prisma.sql`(SELECT r.hourly_rate FROM rates r WHERE ${where} AND r.effective_from <= ${day}
                ORDER BY r.effective_from DESC, r.created_at DESC LIMIT 1)`;
  return Prisma.sql`COALESCE(
    ${dated(Prisma.sql`r.project_id = ${project} AND r.user_id = ${user}`)},
    ${dated(Prisma.sql`r.project_id = ${project} AND r.user_id IS NULL`)},
    p.hourly_rate_cents,
    ${dated(Prisma.sql`r.project_id IS NULL AND r.user_id = ${user}`)},
    ${dated(Prisma.sql`r.client_id = p.client_id AND r.project_id IS NULL AND r.user_id IS NULL`)},
    c.default_hourly_rate_cents,
    ${dated(Prisma.sql`r.client_id IS NULL AND r.project_id IS NULL AND r.user_id IS NULL`)},
    0)`;
}
