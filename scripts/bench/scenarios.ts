// The measured scenarios: each calls the real service (Prisma, zod, DTO mapping included); its floor
// replays the very statements that call sent, through the plain driver (pg Pool or PGlite), so the
// ratio is what the app layer costs on top of the database itself.
import type { Pool } from "pg";
import type { RawSql } from "@/lib/db/raw";
import type { Actor } from "@/lib/services/actor";
import { listEntries } from "@/lib/services/entries";
import { summaryReport } from "@/lib/services/reports";
import { countActiveTimers, countUsersByState } from "@/lib/services/stats";
import { addDays, startOfWeek, type DateKey } from "@/lib/time/tz";
import { weekData } from "@/lib/services/week";
import { ZEntryFilters } from "@/lib/validation/reports";
import { capture, type Captured } from "./db";
import { exportAllScenario, readCsv, TZ } from "./export-scenario";

export { TZ };

export interface Scenario {
  name: string;
  description: string;
  run: () => Promise<unknown>;
  /** What the scenario returned once (rows/groups), for the report. */
  size?: number;
  note?: string;
  /** Fewer samples / warm-ups than the run's (a scenario that reads the whole table). */
  samples?: number;
  warmup?: number;
  /** Run after each timed sample, untimed (undoes a write so every sample does the same work). */
  reset?: () => Promise<unknown>;
  /** Report the process's RSS and heap before and after its samples, and the peak RSS. */
  memory?: boolean;
  /** Its own floor instead of replaying the statements it sent. */
  floor?: (raw: RawSql, pool: Pool | null) => Promise<{ run: () => Promise<unknown>; statements: Captured[] }>;
}

export interface Ctx {
  admin: Actor;
  user: Actor;
  endDay: DateKey;
}

export async function loadCtx(raw: RawSql, endDay: DateKey): Promise<Ctx> {
  const rows = await raw.query<{ id: string; username: string }>(
    `SELECT id::text AS id, username FROM users WHERE username IN ('bench0', 'bench7')`,
  );
  const id = (u: string) => rows.find((r) => r.username === u)!.id;
  return { admin: { id: id("bench0"), role: "admin" }, user: { id: id("bench7"), role: "user" }, endDay };
}

export async function buildScenarios(ctx: Ctx): Promise<Scenario[]> {
  const { admin, user, endDay } = ctx;
  const yearFrom = addDays(endDay, -364);
  const monthFrom = addDays(endDay, -29);
  const detailed = ZEntryFilters.parse({ from: yearFrom, to: endDay, billable: "yes" });

  // Page 200 of the detailed report: walk the keyset cursor once (or stop at the last page).
  let cursor: string | null = null;
  let page = 1;
  for (; page < 200; page++) {
    const p = await listEntries(admin, detailed, { cursor, limit: 50, tz: TZ });
    if (!p.nextCursor) break;
    cursor = p.nextCursor;
  }
  const lastCursor = cursor;
  const weekKey = addDays(startOfWeek(endDay, 1), -7);

  return [
    {
      name: "summary_year_all_users_project_week",
      description: "Summary report, 1 year, all users (admin), grouped by project × week",
      run: () => summaryReport(admin, { from: yearFrom, to: endDay, group1: "project", group2: "week" }, TZ),
    },
    {
      name: "summary_month_one_user_day",
      description: "Summary report, 1 month, one user (their own), grouped by day",
      run: () => summaryReport(user, { from: monthFrom, to: endDay, group1: "day" }, TZ),
    },
    {
      name: "detailed_page_1",
      description: "Detailed report, first page (50 rows), filters: 1-year range + billable",
      run: () => listEntries(admin, detailed, { limit: 50, tz: TZ }),
    },
    {
      name: "detailed_page_200",
      description: "Detailed report, page 200 by keyset cursor (50 rows), same filters",
      run: () => listEntries(admin, detailed, { cursor: lastCursor, limit: 50, tz: TZ }),
      note: page < 200 ? `dataset has only ${page} pages; measured page ${page}` : undefined,
    },
    {
      name: "export_csv_one_user_year",
      description: "CSV export (exportEntriesCsv stream, read to the end), 1 year, one user (admin filter)",
      run: () => readCsv(admin, ZEntryFilters.parse({ from: yearFrom, to: endDay, userId: user.id })),
    },
    exportAllScenario(admin),
    {
      name: "week_view_one_user",
      description: "Week view for one user (weekData service call), last full week",
      run: () => weekData(user, weekKey, TZ),
    },
    {
      name: "metrics_business_gauges",
      description: "/metrics business gauges: running timers + users by state",
      run: () => Promise.all([countActiveTimers(), countUsersByState()]),
    },
  ];
}

/** The floor of a scenario: the statements it sent, replayed in order through the plain driver. */
export async function floorOf(
  raw: RawSql,
  s: Scenario,
  pool: Pool | null,
): Promise<{ run: () => Promise<unknown>; statements: Captured[] }> {
  if (s.floor) return s.floor(raw, pool);
  await s.run(); // first-use work (e.g. the org settings row being created) is not part of the floor
  const statements = await capture(s.run);
  return {
    statements,
    run: async () => {
      for (const st of statements) await raw.query(st.sql, st.params);
    },
  };
}

/** Rows or groups a scenario result holds, for the report. */
export function sizeOf(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  const r = result as { rows?: unknown[]; entries?: unknown[]; cells?: unknown[]; csvRows?: number } | null;
  return r?.rows?.length ?? r?.entries?.length ?? r?.cells?.length ?? r?.csvRows;
}
