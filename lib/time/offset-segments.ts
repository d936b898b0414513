// The stretches of constant UTC offset of a zone over an interval, found with Intl: sampled weekly, each
// change pinned to the millisecond by bisection. The summary report turns them into a
// CASE over the instant, which PostgreSQL evaluates far faster than AT TIME ZONE per row; the SQL also
// checks them against PostgreSQL's own zone data before using them (lib/services/report-sql.ts).
import { offsetMinutes } from "./tz";

export interface OffsetSegment {
  /** First instant (ms since epoch) with this offset; the first segment starts at the interval's start. */
  from: number;
  minutes: number;
}

/** Two changes within one step would be missed here, and then caught by the SQL's hourly check. */
const STEP_MS = 7 * 86400_000;
/** Longer intervals, or zones changing more often, are left to AT TIME ZONE. */
const MAX_SPAN_MS = 5 * 366 * 86400_000;
const MAX_SEGMENTS = 16;
const cache = new Map<string, OffsetSegment[] | null>();

function compute(from: number, to: number, tz: string): OffsetSegment[] | null {
  if (to <= from || to - from > MAX_SPAN_MS) return null;
  const at = (t: number) => offsetMinutes(new Date(t), tz);
  const out: OffsetSegment[] = [{ from, minutes: at(from) }];
  for (let a = from; a < to; a += STEP_MS) {
    const b = Math.min(a + STEP_MS, to);
    let cur = out[out.length - 1].minutes;
    if (at(b) === cur) continue;
    // The first millisecond after a with another offset.
    let lo = a;
    let hi = b;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (at(mid) === cur) lo = mid;
      else hi = mid;
    }
    cur = at(hi);
    out.push({ from: hi, minutes: cur });
    if (out.length > MAX_SEGMENTS) return null;
  }
  return out;
}

/** Segments covering [from, to) in tz, or null when the interval is too long or the zone too busy. */
export function offsetSegments(from: Date, to: Date, tz: string): OffsetSegment[] | null {
  const key = `${tz}|${from.getTime()}|${to.getTime()}`;
  if (!cache.has(key)) {
    if (cache.size >= 200) cache.clear();
    cache.set(key, compute(from.getTime(), to.getTime(), tz));
  }
  return cache.get(key) ?? null;
}
