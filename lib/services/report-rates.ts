// The effective-dated rate resolver of invoicing (rate-table.ts) in SQL, for reports and the CSV
// export: most specific level wins (project member > project > member > client > organization), and
// within a level the rate with the latest effective day on or before the entry's day in the
// organization's time zone. With no dated rate at all (most installs) the rate is the project's,
// else its client's, else 0, and the statements keep their plain fast form (RATE_SQL).
//
// How: the days on which some rate starts cut time into segments, within which no rate changes. Each
// level's rate per segment is a tiny table (DISTINCT ON over rates × segments); an entry (or an
// aggregate of entries) finds its segment with a few comparisons and joins those tables by hash.
import "server-only";
import { dbConnection } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { startOfDay } from "@/lib/time/tz";
import { getOrgSettings } from "./settings";

export const RATE_SQL = Prisma.sql`COALESCE(p.hourly_rate_cents, c.default_hourly_rate_cents, 0)`;

export interface RateSegments {
  /** Segment k (1-based) starts at days[k-1] 00:00 in the organization's zone; segment 0 before all. */
  days: string[];
  starts: Date[];
  /** Whether any rate names a person (member, project member): only then do amounts depend on who worked. */
  byUser: boolean;
}

/** Null when no dated rate exists (one small read). */
export async function loadRateSegments(): Promise<RateSegments | null> {
  const rows = await dbConnection().raw.query<{ day: string; by_user: boolean }>(
    `SELECT to_char(effective_from, 'YYYY-MM-DD') AS day, bool_or(user_id IS NOT NULL) AS by_user
     FROM rates GROUP BY effective_from ORDER BY effective_from`,
  );
  if (!rows.length) return null;
  const { timezone } = await getOrgSettings();
  const days = rows.map((r) => r.day);
  return { days, starts: days.map((d) => startOfDay(d, timezone)), byUser: rows.some((r) => r.by_user) };
}

/** The segment number of an instant (a few comparisons per row). */
export function segmentSql(start: Prisma.Sql, s: RateSegments): Prisma.Sql {
  const whens = s.starts.map((t, i) => Prisma.sql`WHEN ${start} >= ${t}::timestamptz THEN ${i + 1}::int`).reverse();
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} ELSE 0 END)`;
}

const level = (name: string, keys: string[], where: string) =>
  Prisma.raw(`${name} AS (
    SELECT DISTINCT ON (${[...keys.map((k) => `r.${k}`), "s.k"].join(", ")}) ${keys.map((k) => `r.${k}, `).join("")}s.k, r.hourly_rate AS rate
    FROM rates r JOIN rl_segs s ON r.effective_from <= s.day
    WHERE ${where}
    ORDER BY ${[...keys.map((k) => `r.${k}`), "s.k"].join(", ")}, r.effective_from DESC, r.created_at DESC
  )`);

/** The CTEs the rate joins need, each followed by a comma: put them in the statement's WITH. */
export function rateCtes(s: RateSegments): Prisma.Sql {
  const segs = Prisma.join(s.days.map((d, i) => Prisma.sql`(${i + 1}::int, ${d}::date)`));
  return Prisma.sql`rl_segs (k, day) AS (VALUES ${segs}),
    ${level("rl_pm", ["project_id", "user_id"], "r.project_id IS NOT NULL AND r.user_id IS NOT NULL")},
    ${level("rl_p", ["project_id"], "r.project_id IS NOT NULL AND r.user_id IS NULL")},
    ${level("rl_m", ["user_id"], "r.project_id IS NULL AND r.user_id IS NOT NULL")},
    ${level("rl_c", ["client_id"], "r.client_id IS NOT NULL AND r.project_id IS NULL AND r.user_id IS NULL")},
    ${level("rl_o", [], "r.client_id IS NULL AND r.project_id IS NULL AND r.user_id IS NULL")},`;
}

/** Joins for a row with project `project`, user `user` and segment `seg`, whose project is joined as
 * p and its client as c; `rate` is then the resolved hourly rate in cents (mirrors RateTable.resolve). */
export function rateJoins(project: Prisma.Sql, user: Prisma.Sql, seg: Prisma.Sql) {
  return {
    joins: Prisma.sql`
      LEFT JOIN rl_pm ON rl_pm.project_id = ${project} AND rl_pm.user_id = ${user} AND rl_pm.k = ${seg}
      LEFT JOIN rl_p ON rl_p.project_id = ${project} AND rl_p.k = ${seg}
      LEFT JOIN rl_m ON rl_m.user_id = ${user} AND rl_m.k = ${seg}
      LEFT JOIN rl_c ON rl_c.client_id = p.client_id AND rl_c.k = ${seg}
      LEFT JOIN rl_o ON rl_o.k = ${seg}`,
    rate: Prisma.sql`COALESCE(rl_pm.rate, rl_p.rate, p.hourly_rate_cents, rl_m.rate, rl_c.rate, c.default_hourly_rate_cents, rl_o.rate, 0)`,
  };
}
