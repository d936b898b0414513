// The entry list grouped by week and day, as Toggl shows it: each entry as the inline row edits it
// (local day and times in the viewer's zone, "+1" past midnight), and day and week subtotals over
// ALL matching entries of those days (not only the ones on this page), from one summary query.
import "server-only";
import type { TEntryFilters } from "@/lib/validation/reports";
import type { Actor } from "./actor";
import type { EntryWithFlags } from "./entries";
import { summaryReport } from "./reports";
import { MAX_DAY, MIN_DAY } from "@/lib/time/range";
import { addDays, dateKey, daysBetween, formatTime, startOfWeek, type DateKey } from "@/lib/time/tz";

export interface EntryRowDto {
  id: string;
  date: DateKey;
  startTime: string;
  /** null while the timer runs. */
  endTime: string | null;
  /** Days between the start's and the end's local day: 1 shows "+1". */
  endDayOffset: number;
  durationSeconds: number;
  notes: string;
  /** null: tracked without a project (shown as "No project"). */
  projectId: string | null;
  projectName: string | null;
  projectColor: string | null;
  clientName: string | null;
  taskId: string | null;
  taskName: string | null;
  tags: string[];
  billable: boolean;
  overlaps: boolean;
  username: string;
}

export interface DayGroup {
  day: DateKey;
  seconds: number;
  entries: EntryRowDto[];
}
export interface WeekGroup {
  weekStart: DateKey;
  seconds: number;
  days: DayGroup[];
}

export function toEntryRow(e: EntryWithFlags, tz: string): EntryRowDto {
  const date = dateKey(e.start, tz);
  return {
    id: e.id,
    date,
    startTime: formatTime(e.start, tz),
    endTime: e.end ? formatTime(e.end, tz) : null,
    endDayOffset: e.end ? daysBetween(date, dateKey(e.end, tz)) : 0,
    durationSeconds: e.durationSeconds,
    notes: e.notes,
    projectId: e.projectId,
    projectName: e.projectName,
    projectColor: e.projectColor,
    clientName: e.clientName,
    taskId: e.taskId,
    taskName: e.taskName,
    tags: e.tags,
    billable: e.billable,
    overlaps: e.overlaps,
    username: e.username,
  };
}

/** The page's entries (newest first) grouped by week and local day, with subtotals. */
export async function groupEntriesByDay(
  actor: Actor,
  entries: EntryWithFlags[],
  filters: TEntryFilters,
  tz: string,
  weekStart: number,
): Promise<WeekGroup[]> {
  if (!entries.length) return [];
  const rows = entries.map((e) => toEntryRow(e, tz));
  const days = rows.map((r) => r.date).sort();
  let from = startOfWeek(days[0], weekStart);
  let to = addDays(startOfWeek(days[days.length - 1], weekStart), 6);
  if (filters.from && filters.from > from) from = filters.from;
  if (filters.to && filters.to < to) to = filters.to;
  // A week at either end of the supported range reaches past it (a day the summary refuses), and a
  // row whose stored instant cannot be formatted has no usable day: ask only for days that exist.
  if (!(from >= MIN_DAY)) from = MIN_DAY;
  if (!(to <= MAX_DAY)) to = MAX_DAY;
  const totals = new Map<string, number>();
  if (from <= to) {
    const r = await summaryReport(actor, { ...filters, from, to, group1: "day" }, tz);
    for (const row of r.rows) totals.set(row.key1, row.seconds);
  }
  const weeks: WeekGroup[] = [];
  for (const row of rows) {
    const wk = startOfWeek(row.date, weekStart);
    let week = weeks.find((w) => w.weekStart === wk);
    if (!week) {
      let seconds = 0;
      for (let d = wk; d <= addDays(wk, 6); d = addDays(d, 1)) seconds += totals.get(d) ?? 0;
      week = { weekStart: wk, seconds, days: [] };
      weeks.push(week);
    }
    let day = week.days.find((d) => d.day === row.date);
    if (!day) {
      day = { day: row.date, seconds: totals.get(row.date) ?? 0, entries: [] };
      week.days.push(day);
    }
    day.entries.push(row);
  }
  return weeks;
}
