// Durations typed by people, rounding steps, and calendar days in zones that switch DST.
import { formatHm, parseDuration } from "./duration-parse";
import { roundDurationSeconds } from "./rounding";
import { addDays, dateKey, dayRange, formatZonedIso, localDayOf, startOfWeek, zonedToUtc } from "./tz";

describe("parseDuration", () => {
  it.each([
    ["1h 30m", 90],
    ["1h30", 90],
    ["1:30", 90],
    ["90m", 90],
    ["90 min", 90],
    ["1.5", 90],
    ["1,5", 90],
    ["2h", 120],
    ["0:45", 45],
  ])("%s → %i minutes", (input, minutes) => expect(parseDuration(input)).toBe(minutes));

  it.each(["", "abc", "1:75", "-1", "0", "h", "1h 30x"])("rejects %p", (input) =>
    expect(parseDuration(input)).toBeNull(),
  );

  it("formats h:mm", () => expect(formatHm(5400)).toBe("1:30"));
});

describe("roundDurationSeconds", () => {
  it("leaves durations alone without a step", () => expect(roundDurationSeconds(61, 0, "up")).toBe(61));
  it("rounds up, down and to the nearest step", () => {
    expect(roundDurationSeconds(7 * 60, 15, "up")).toBe(15 * 60);
    expect(roundDurationSeconds(22 * 60, 15, "down")).toBe(15 * 60);
    expect(roundDurationSeconds(23 * 60, 15, "nearest")).toBe(30 * 60);
    expect(roundDurationSeconds(61 * 60, 6, "nearest")).toBe(60 * 60);
  });
  it("never rounds work away to zero", () => expect(roundDurationSeconds(4 * 60, 15, "down")).toBe(240));
});

describe("time zones around DST switches", () => {
  it("Europe/Amsterdam: the spring-forward day has 23 hours, the fall-back day 25", () => {
    const spring = dayRange("2026-03-29", "2026-03-29", "Europe/Amsterdam");
    expect((spring.to.getTime() - spring.from.getTime()) / 3600000).toBe(23);
    expect(spring.from.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    const fall = dayRange("2026-10-25", "2026-10-25", "Europe/Amsterdam");
    expect((fall.to.getTime() - fall.from.getTime()) / 3600000).toBe(25);
  });

  it("America/New_York: local times map to the right instants on both sides of the switch", () => {
    expect(zonedToUtc("2026-03-07", "09:00", "America/New_York").toISOString()).toBe("2026-03-07T14:00:00.000Z");
    expect(zonedToUtc("2026-03-09", "09:00", "America/New_York").toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(zonedToUtc("2026-11-01", "00:00", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(zonedToUtc("2026-11-02", "00:00", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("a late-evening UTC instant belongs to the next local day in Amsterdam", () => {
    expect(dateKey(new Date("2026-03-28T23:30:00Z"), "Europe/Amsterdam")).toBe("2026-03-29");
    expect(dateKey(new Date("2026-03-28T23:30:00Z"), "America/New_York")).toBe("2026-03-28");
  });

  it("weeks start on the configured day", () => {
    expect(startOfWeek("2026-03-29", 1)).toBe("2026-03-23");
    expect(startOfWeek("2026-03-29", 0)).toBe("2026-03-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });

  it("formats instants with the zone's offset", () => {
    expect(formatZonedIso(new Date("2026-03-29T08:00:00Z"), "Europe/Amsterdam")).toBe("2026-03-29T10:00:00+02:00");
    expect(formatZonedIso(new Date("2026-03-28T08:00:00Z"), "Europe/Amsterdam")).toBe("2026-03-28T09:00:00+01:00");
  });
});

describe("localDayOf (dateKey for runs of instants)", () => {
  it.each(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC"])(
    "agrees with dateKey every 7 minutes over a year, DST switches included (%s)",
    (tz) => {
      const dayOf = localDayOf(tz);
      const start = Date.UTC(2025, 11, 25);
      const mismatches: string[] = [];
      for (let t = start; t < start + 370 * 86400_000; t += 7 * 60_000) {
        const d = new Date(t);
        if (dayOf(t) !== dateKey(d, tz)) mismatches.push(d.toISOString());
      }
      // And out of order: back to an earlier day, then forward again.
      for (const t of [start + 40 * 86400_000, start + 3 * 3600_000, start + 200 * 86400_000 + 1]) {
        const d = new Date(t);
        if (dayOf(t) !== dateKey(d, tz)) mismatches.push(d.toISOString());
      }
      expect(mismatches).toEqual([]);
    },
  );
});
