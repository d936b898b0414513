// Saved report views ↔ the reports page's query string. Pure: the page, the list and tests share it.
import { presetRange } from "@/lib/time/presets";
import type { DateKey } from "@/lib/time/tz";
import type { TReportViewQuery } from "@/lib/validation/report-views";

const FIELDS = ["clientId", "projectId", "taskId", "userId", "tag", "billable", "group1", "group2"] as const;

/** The reports address a view opens: a preset's days are worked out for today. */
export function viewHref(q: TReportViewQuery, today: DateKey, weekStart: number): string {
  const range = q.preset ? presetRange(q.preset, today, weekStart) : { from: q.from, to: q.to };
  const p = new URLSearchParams();
  if (range.from) p.set("from", range.from);
  if (range.to) p.set("to", range.to);
  for (const k of FIELDS) {
    const v = q[k];
    if (v) p.set(k, String(v));
  }
  p.set("type", q.type);
  return `/reports?${p.toString()}`;
}

/** Whether the page shows what the view would open (same filters, grouping and days). */
export function sameView(href: string, current: Record<string, string | null | undefined>): boolean {
  const want = new URLSearchParams(href.slice(href.indexOf("?") + 1));
  const keys = new Set([...want.keys(), ...Object.keys(current).filter((k) => current[k])]);
  keys.delete("cursor");
  for (const k of keys) if ((want.get(k) ?? "") !== (current[k] ?? "")) return false;
  return true;
}
