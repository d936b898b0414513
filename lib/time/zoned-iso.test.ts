// The export's cached formatter must print exactly what formatZonedIso prints, for any instant and
// zone: across DST switches, half-hour and 45-minute zones, historic second-level offsets.
import fc from "fast-check";
import { formatZonedIso } from "./tz";
import { zonedIsoFormatter } from "./zoned-iso";

const ZONES = [
  "UTC",
  "Europe/Berlin",
  "Europe/Amsterdam",
  "America/New_York",
  "America/St_Johns",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Africa/Casablanca",
];

describe("zonedIsoFormatter", () => {
  it.each(ZONES)("matches formatZonedIso every 2 h 59 min 59.123 s over two years in %s", (tz) => {
    const f = zonedIsoFormatter(tz);
    const from = Date.UTC(2025, 0, 1);
    const wrong: string[] = [];
    for (let ms = from; ms < from + 2 * 366 * 86_400_000; ms += 10_799_123) {
      const want = formatZonedIso(new Date(ms), tz);
      if (f(ms) !== want) wrong.push(`${new Date(ms).toISOString()}: ${f(ms)} ≠ ${want}`);
    }
    expect(wrong).toEqual([]);
  });

  it("matches around the Berlin switches to the second", () => {
    const f = zonedIsoFormatter("Europe/Berlin");
    for (const sw of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) {
      for (let ms = sw - 5000; ms <= sw + 5000; ms += 250) {
        if (f(ms) !== formatZonedIso(new Date(ms), "Europe/Berlin"))
          expect(f(ms)).toBe(formatZonedIso(new Date(ms), "Europe/Berlin"));
      }
    }
    expect(f(Date.UTC(2026, 2, 29, 8))).toBe("2026-03-29T10:00:00+02:00");
  });

  it("matches for any instant from 1600 to 9999, including historic offsets and instants before 1970", () => {
    const zone = fc.constantFrom(...ZONES);
    const ms = fc.integer({ min: -11676096000000, max: 253402214399999 });
    fc.assert(
      fc.property(zone, ms, (tz, t) => zonedIsoFormatter(tz)(t) === formatZonedIso(new Date(t), tz)),
      { numRuns: 500 },
    );
  });

  it("falls back to formatZonedIso outside that range", () => {
    const t = Date.UTC(1500, 5, 1, 12);
    expect(zonedIsoFormatter("Europe/Berlin")(t)).toBe(formatZonedIso(new Date(t), "Europe/Berlin"));
  });
});
