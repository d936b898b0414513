// formatZonedIso for many instants at once (CSV export): Intl is asked for the zone's offset about
// three times per UTC day, not once per timestamp, and the text is built with arithmetic. Same output
// as formatZonedIso, including around DST switches: a day whose offset is not the same at 00:00,
// 12:00 and 23:59:59 is cached per hour instead, and an hour holding a switch asks Intl per instant.
import { formatZonedIso, zonedParts } from "./tz";

/** 1600-01-01 and 9999-12-31 UTC, in seconds: outside, Intl's calendar (Julian before 1582) and
 * year digits differ from plain arithmetic, so those instants go through formatZonedIso. */
const MIN_S = -11676096000;
const MAX_S = 253402214400;
const CACHE_MAX = 50_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Offset of tz at the instant `s` (whole seconds since the epoch), in seconds, as Intl computes it. */
function offsetSeconds(s: number, tz: string): number {
  const p = zonedParts(new Date(s * 1000), tz);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - s * 1000) / 1000;
}

function offsetText(off: number): string {
  const m = Math.round(off / 60);
  const abs = Math.abs(m);
  return `${m < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

interface ZoneCache {
  utcDays: Map<number, number>; // UTC day → offset in seconds; NaN: a switch that day
  hours: Map<number, number>; // UTC hour (of such days) → offset; NaN: a switch inside it
}
// Offsets depend only on the zone and the instant, so the caches outlive one export (each bounded).
const zones = new Map<string, ZoneCache>();
const days = new Map<number, string>(); // local day number → "YYYY-MM-DDT"
const offsets = new Map<number, string>();

function zoneCache(tz: string): ZoneCache {
  let z = zones.get(tz);
  if (!z) {
    if (zones.size >= 100) zones.clear();
    zones.set(tz, (z = { utcDays: new Map(), hours: new Map() }));
  }
  return z;
}

/** Returns f(ms) = formatZonedIso(new Date(ms), tz), for integer milliseconds since the epoch; an
 * empty cell for NaN (a stored value the driver could not read). */
export function zonedIsoFormatter(tz: string): (ms: number) => string {
  const { utcDays, hours } = zoneCache(tz);
  return (ms: number) => {
    const s = Math.floor(ms / 1000);
    if (!Number.isFinite(s)) return "";
    if (s < MIN_S || s > MAX_S) return formatZonedIso(new Date(ms), tz);
    const u = Math.floor(s / 86400);
    let off = utcDays.get(u);
    if (off === undefined) {
      const a = offsetSeconds(u * 86400, tz);
      off = a === offsetSeconds(u * 86400 + 43200, tz) && a === offsetSeconds(u * 86400 + 86399, tz) ? a : NaN;
      if (utcDays.size >= CACHE_MAX) utcDays.clear();
      utcDays.set(u, off);
    }
    if (Number.isNaN(off)) {
      const h = Math.floor(s / 3600);
      off = hours.get(h);
      if (off === undefined) {
        const a = offsetSeconds(h * 3600, tz);
        off = a === offsetSeconds(h * 3600 + 3599, tz) ? a : NaN;
        if (hours.size >= CACHE_MAX) hours.clear();
        hours.set(h, off);
      }
      if (Number.isNaN(off)) off = offsetSeconds(s, tz);
    }
    const local = s + off;
    const d = Math.floor(local / 86400);
    let day = days.get(d);
    if (day === undefined) {
      const dt = new Date(d * 86_400_000);
      day = `${dt.getUTCFullYear()}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}T`;
      if (days.size >= CACHE_MAX) days.clear();
      days.set(d, day);
    }
    let o = offsets.get(off);
    if (o === undefined) offsets.set(off, (o = offsetText(off)));
    const r = local - d * 86400;
    const hh = Math.floor(r / 3600);
    const mm = Math.floor((r % 3600) / 60);
    return `${day}${pad2(hh)}:${pad2(mm)}:${pad2(r % 60)}${o}`;
  };
}
