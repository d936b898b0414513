// Shapes a summary grouped by period then project into what the report charts draw: one bar per
// period (every period of the range, empty ones included) stacked by the largest projects (the rest
// as "Other"), and totals per project and per client for the donut. Pure: unit-tested.
import { addDays, startOfWeek, type DateKey } from "@/lib/time/tz";

export type ChartBucket = "day" | "week" | "month";

export interface ChartSlice {
  key: string;
  name: string;
  seconds: number;
  /** Null when the viewer may not see money. */
  amountCents: number | null;
}

export interface ChartData {
  bucket: ChartBucket;
  /** Stacked series, largest first; "other" collects the rest. */
  series: { key: string; name: string }[];
  /** One per period: its key ("2026-03-02" or "2026-03") and seconds per series key. */
  periods: { key: string; seconds: Record<string, number> }[];
  projects: ChartSlice[];
  clients: ChartSlice[];
  totalSeconds: number;
}

/** At most this many projects get their own colour in the bars; the rest are "Other". */
export const MAX_SERIES = 7;
export const OTHER_KEY = "__other";
const MAX_PERIODS = 400;

/** Days up to a month and a day, weeks up to half a year, months beyond (and without a range). */
export function chartBucket(from: DateKey | null, to: DateKey | null): ChartBucket {
  if (!from || !to) return "month";
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
  return days <= 31 ? "day" : days <= 183 ? "week" : "month";
}

function periodKeys(bucket: ChartBucket, from: DateKey, to: DateKey, weekStart: number): string[] {
  const keys: string[] = [];
  if (bucket === "month") {
    let [y, m] = from.split("-").map(Number);
    const end = to.slice(0, 7);
    for (let k = ""; keys.length < MAX_PERIODS; m === 12 ? ((m = 1), y++) : m++) {
      k = `${y}-${String(m).padStart(2, "0")}`;
      if (k > end) break;
      keys.push(k);
    }
    return keys;
  }
  const step = bucket === "week" ? 7 : 1;
  for (let d = bucket === "week" ? startOfWeek(from, weekStart) : from; d <= to && keys.length < MAX_PERIODS;) {
    keys.push(d);
    d = addDays(d, step);
  }
  return keys;
}

interface Row {
  key1: string;
  key2: string | null;
  label2: string | null;
  seconds: number;
  amountCents: number | null;
}

function totalsBy(rows: Row[], keyOf: (r: Row) => { key: string; name: string }): ChartSlice[] {
  const m = new Map<string, ChartSlice>();
  for (const r of rows) {
    const { key, name } = keyOf(r);
    const s = m.get(key) ?? { key, name, seconds: 0, amountCents: r.amountCents === null ? null : 0 };
    s.seconds += r.seconds;
    if (s.amountCents !== null && r.amountCents !== null) s.amountCents += r.amountCents;
    m.set(key, s);
  }
  return [...m.values()]
    .filter((s) => s.seconds > 0)
    .sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name));
}

export function shapeCharts(
  report: { rows: Row[]; totals: { seconds: number } },
  bucket: ChartBucket,
  range: { from: DateKey | null; to: DateKey | null; weekStart: number },
  clientOf: ReadonlyMap<string, { key: string; name: string }>,
  names: { noProject: string; noClient: string; other: string } = {
    noProject: "No project",
    noClient: "No client",
    other: "Other",
  },
): ChartData {
  const project = (r: Row) => ({ key: r.key2 || "", name: r.key2 ? (r.label2 ?? "") : names.noProject });
  const projects = totalsBy(report.rows, project);
  const clients = totalsBy(report.rows, (r) => (r.key2 && clientOf.get(r.key2)) || { key: "", name: names.noClient });
  const top = projects.slice(0, projects.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES);
  const topKeys = new Set(top.map((p) => p.key));
  const series = top.map(({ key, name }) => ({ key, name }));
  if (projects.length > top.length) series.push({ key: OTHER_KEY, name: names.other });
  const keys =
    range.from && range.to
      ? periodKeys(bucket, range.from, range.to, range.weekStart)
      : [...new Set(report.rows.map((r) => r.key1))].sort();
  const byPeriod = new Map(keys.map((k) => [k, {} as Record<string, number>]));
  for (const r of report.rows) {
    const p = byPeriod.get(r.key1) ?? {};
    byPeriod.set(r.key1, p);
    const s = topKeys.has(r.key2 || "") ? r.key2 || "" : OTHER_KEY;
    p[s] = (p[s] ?? 0) + r.seconds;
  }
  const periods = [...byPeriod].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, seconds]) => ({ key, seconds }));
  return { bucket, series, periods, projects, clients, totalSeconds: report.totals.seconds };
}
