// Display helpers shared by pages: money in the org's currency, hours, local dates. Every date
// formatter here is total: a value it cannot format (an Invalid Date, as the driver returns for a
// stored year 10000; an unknown zone) renders as NO_VALUE, never throws into the page (→ 500).
import { formatHm } from "@/lib/time/duration-parse";
import { NO_VALUE } from "@/lib/time/range";
import { dateKey, isDateKey, zonedParts } from "@/lib/time/tz";

export { NO_VALUE };

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(cents / 100);
}

export function formatHours(seconds: number): string {
  return formatHm(seconds);
}

/** Runs a formatter on a valid Date; NO_VALUE for anything else or when Intl refuses it. */
export function totalFormat(d: Date | null | undefined, format: (d: Date) => string): string {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime())) return NO_VALUE;
  try {
    return format(d);
  } catch {
    return NO_VALUE;
  }
}

export function formatDateTime(d: Date, tz: string): string {
  return totalFormat(d, (x) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: tz, dateStyle: "medium", timeStyle: "short" }).format(x),
  );
}

/**
 * "2026-12-02 15:05" in the viewer's zone: timestamps on admin pages (last sign-in, telemetry), so
 * an admin reads them on their own clock like every other time in the app.
 */
export function formatStamp(d: Date | null | undefined, tz: string): string {
  return totalFormat(d, (x) => {
    const p = zonedParts(x, tz);
    if (![p.year, p.month, p.day, p.hour, p.minute].every(Number.isFinite)) return NO_VALUE;
    const two = (n: number) => String(n).padStart(2, "0");
    return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
  });
}

/** "2026-12-02 14:05 UTC", for timestamps from the server's clock. */
export function formatUtc(d: Date | null | undefined): string {
  return totalFormat(d, (x) => `${x.toISOString().slice(0, 16).replace("T", " ")} UTC`);
}

export function formatDay(key: string): string {
  if (!isDateKey(key)) return NO_VALUE;
  return totalFormat(new Date(`${key}T00:00:00Z`), (x) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(x),
  );
}

/** "1 minute", "5 minutes": a count spelled out with the right singular or plural noun. */
export function countLabel(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A download's file name stamped with the viewer's local day (and time, for backups), not UTC's:
 * an export made at 00:30 in Berlin is named after that day. "timetracker-entries-2026-12-07.csv".
 */
export function downloadName(prefix: string, ext: string, now: Date, tz: string, withTime = false): string {
  const day = dateKey(now, tz);
  if (!withTime || day === NO_VALUE)
    return `${prefix}-${day === NO_VALUE ? now.toISOString().slice(0, 10) : day}.${ext}`;
  const time = totalFormat(now, (x) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: tz,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .format(x)
      .replace(/:/g, "-"),
  );
  return `${prefix}-${day}-${time}.${ext}`;
}
