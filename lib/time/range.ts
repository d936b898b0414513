// The one supported range for every date the app accepts or stores. Days a person can type or ask
// for run 1970-01-01 … 2199-12-31; stored instants (entry start/end) may sit a little outside those
// days (a zone's offset, a 24-hour entry on the last day), so the instant range is those days widened
// by 1 day before and 2 days after. The database holds the same bounds as CHECK constraints
// (prisma/migrations/20261202010000_date_range); docs/security.md explains why.
import type { DateKey } from "./tz";

export const MIN_DAY: DateKey = "1970-01-01";
export const MAX_DAY: DateKey = "2199-12-31";
/** Inclusive lower bound of a stored instant: 1969-12-31T00:00:00Z. */
export const MIN_INSTANT_MS = Date.UTC(1969, 11, 31);
/** Exclusive upper bound of a stored instant: 2200-01-03T00:00:00Z. */
export const MAX_INSTANT_MS = Date.UTC(2200, 0, 3);

export const DAY_RANGE_MESSAGE = `Enter a date between ${MIN_DAY} and ${MAX_DAY}.`;

/** A well-formed day key inside the range (string order is date order for YYYY-MM-DD). */
export function isDayInRange(key: string): boolean {
  return key >= MIN_DAY && key <= MAX_DAY;
}

/** A valid Date whose instant may be stored and formatted. */
export function isInstantInRange(d: Date | null | undefined): d is Date {
  if (!(d instanceof Date)) return false;
  const t = d.getTime();
  return Number.isFinite(t) && t >= MIN_INSTANT_MS && t < MAX_INSTANT_MS;
}

/** What a renderer shows for a stored value it cannot format. */
export const NO_VALUE = "—";
