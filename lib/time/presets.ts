// Report date presets, as Toggl and Clockify offer them: each a from..to pair of local days.
// Pure (no server imports), so the reports page and its tests share it.
import { addDays, startOfWeek, type DateKey } from "./tz";

export const DATE_PRESETS = [
  ["today", "Today"],
  ["this_week", "This week"],
  ["last_week", "Last week"],
  ["this_month", "This month"],
  ["last_month", "Last month"],
  ["this_quarter", "This quarter"],
  ["this_year", "This year"],
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number][0];

const monthStart = (y: number, m: number): DateKey => new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);

/** The days a preset covers, given today's local day and the organization's first weekday. */
export function presetRange(preset: DatePreset, today: DateKey, weekStart: number): { from: DateKey; to: DateKey } {
  const [y, m] = today.split("-").map(Number);
  const month = m - 1;
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "this_week": {
      const from = startOfWeek(today, weekStart);
      return { from, to: addDays(from, 6) };
    }
    case "last_week": {
      const from = addDays(startOfWeek(today, weekStart), -7);
      return { from, to: addDays(from, 6) };
    }
    case "this_month":
      return { from: monthStart(y, month), to: addDays(monthStart(y, month + 1), -1) };
    case "last_month":
      return { from: monthStart(y, month - 1), to: addDays(monthStart(y, month), -1) };
    case "this_quarter": {
      const q = Math.floor(month / 3) * 3;
      return { from: monthStart(y, q), to: addDays(monthStart(y, q + 3), -1) };
    }
    case "this_year":
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** The preset whose range this is, if any (to mark it as the current choice). */
export function presetOf(from: string | null, to: string | null, today: DateKey, weekStart: number): DatePreset | null {
  if (!from || !to) return null;
  const hit = DATE_PRESETS.find(([p]) => {
    const r = presetRange(p, today, weekStart);
    return r.from === from && r.to === to;
  });
  return hit ? hit[0] : null;
}
