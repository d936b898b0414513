// Snapping instants to a step of minutes on the local clock of a time zone (the calendar's drag and
// resize, the organization's rounding step): 09:07 → 09:00 at 15 minutes, also in +05:30 zones.
import { offsetMinutes, zonedParts, zonedToUtc } from "./tz";

/** The calendar's step when the organization rounds nothing. */
export const DEFAULT_SNAP_MINUTES = 15;

/** The organization's rounding step, or the default when it rounds nothing. */
export function snapMinutesFor(roundingMinutes: number | null | undefined): number {
  return roundingMinutes && roundingMinutes > 0 ? roundingMinutes : DEFAULT_SNAP_MINUTES;
}

/** The nearest instant whose local wall-clock time in tz is a whole multiple of stepMinutes. */
export function snapToStep(d: Date, stepMinutes: number, tz: string): Date {
  const step = stepMinutes * 60_000;
  const offset = offsetMinutes(d, tz) * 60_000;
  return new Date(Math.round((d.getTime() + offset) / step) * step - offset);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-03-02T09:05:00": what the wall clock in tz shows at instant d, without an offset. A calendar
 * library set to "UTC" then draws it at that local time, whatever zone the browser is in. */
export function toWallClock(d: Date, tz: string): string {
  const p = zonedParts(d, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** The reverse: a wall-clock time the library hands back (a Date coded in UTC) as the instant in tz. */
export function fromWallClock(w: Date, tz: string): Date {
  const iso = w.toISOString();
  return zonedToUtc(iso.slice(0, 10), iso.slice(11, 16), tz);
}
