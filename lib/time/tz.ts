// Calendar arithmetic in a named IANA time zone, with no library: days and weeks start at local
// midnight in the user's zone, which is 23 or 25 hours apart around DST switches.
// The formatters (dateKey, formatTime, formatZonedIso) are total: an Invalid Date (the driver's
// answer for a stored year 10000) gives NO_VALUE instead of Intl's RangeError.
import { NO_VALUE } from "./range";

export type DateKey = string; // "YYYY-MM-DD"

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string): Intl.DateTimeFormat {
  let f = fmtCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    fmtCache.set(tz, f);
  }
  return f;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(d: Date, tz: string): ZonedParts {
  const p: Record<string, number> = {};
  for (const part of fmt(tz).formatToParts(d)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
}

/** Offset of tz from UTC at instant d, in minutes (Amsterdam summer: +120). */
export function offsetMinutes(d: Date, tz: string): number {
  const p = zonedParts(d, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

/** The instant when the wall clock in tz shows the given local time (gaps move forward). */
export function zonedToUtc(key: DateKey, time: string, tz: string): Date {
  const [y, m, d] = key.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let t = guess - offsetMinutes(new Date(guess), tz) * 60000;
  // Second pass settles instants near a switch, where the first guess used the other offset.
  t = guess - offsetMinutes(new Date(t), tz) * 60000;
  return new Date(t);
}

/** Local midnight of the day in tz, as a UTC instant. */
export function startOfDay(key: DateKey, tz: string): Date {
  return zonedToUtc(key, "00:00", tz);
}

const invalid = (d: Date) => !Number.isFinite(d.getTime());

export function dateKey(d: Date, tz: string): DateKey {
  if (invalid(d)) return NO_VALUE;
  const p = zonedParts(d, tz);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function addDays(key: DateKey, n: number): DateKey {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(key: DateKey): number {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function startOfWeek(key: DateKey, weekStart: number): DateKey {
  return addDays(key, -((weekday(key) - weekStart + 7) % 7));
}

/** Half-open UTC range [from, to) covering whole local days fromKey..toKey inclusive. */
export function dayRange(fromKey: DateKey, toKey: DateKey, tz: string): { from: Date; to: Date } {
  return { from: startOfDay(fromKey, tz), to: startOfDay(addDays(toKey, 1), tz) };
}

export function daysBetween(fromKey: DateKey, toKey: DateKey): number {
  return Math.round((Date.parse(`${toKey}T00:00:00Z`) - Date.parse(`${fromKey}T00:00:00Z`)) / 86400000);
}

export function isDateKey(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && addDays(s, 0) === s;
}

/** "2026-03-29T10:00:00+02:00": the instant in tz with its offset, for exports. */
export function formatZonedIso(d: Date, tz: string): string {
  if (invalid(d)) return NO_VALUE;
  const p = zonedParts(d, tz);
  // The offset from the same parts (offsetMinutes would format the instant a second time): exports call this per cell.
  const off = Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(d.getTime() / 1000) * 1000) / 60000,
  );
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "14:05" local time in tz. */
export function formatTime(d: Date, tz: string): string {
  if (invalid(d)) return NO_VALUE;
  const p = zonedParts(d, tz);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

/**
 * dateKey for many instants (ms since the epoch) in (mostly) ascending order, e.g. a year of entries: it remembers the
 * last day's UTC range [from, to) and answers instants inside it without Intl (formatToParts was
 * ~5 µs and a dozen objects per call; an invoice's 10,000 entries fall on ~250 days).
 */
export function localDayOf(tz: string): (ms: number) => DateKey {
  let day: DateKey = NO_VALUE;
  let from = 0;
  let to = 0;
  return (t) => {
    if (t >= from && t < to) return day;
    const key = dateKey(new Date(t), tz);
    if (key === NO_VALUE) return key;
    const r = dayRange(key, key, tz);
    // Remembered only when the range holds the instant it came from (always, unless a zone's data is odd).
    if (t >= r.from.getTime() && t < r.to.getTime()) [day, from, to] = [key, r.from.getTime(), r.to.getTime()];
    return key;
  };
}
