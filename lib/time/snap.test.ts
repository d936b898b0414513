import { fromWallClock, snapMinutesFor, snapToStep, toWallClock } from "./snap";

describe("snapToStep", () => {
  it.each([
    ["2026-03-02T09:07:00Z", 15, "UTC", "2026-03-02T09:00:00.000Z"],
    ["2026-03-02T09:08:00Z", 15, "UTC", "2026-03-02T09:15:00.000Z"],
    ["2026-03-02T23:55:00Z", 30, "UTC", "2026-03-03T00:00:00.000Z"],
    // Kolkata is +05:30: half hours there are :00 and :30 local, :30 and :00 UTC.
    ["2026-03-02T04:10:00Z", 30, "Asia/Kolkata", "2026-03-02T04:00:00.000Z"],
    ["2026-03-02T04:10:00Z", 60, "Asia/Kolkata", "2026-03-02T04:30:00.000Z"],
    ["2026-07-01T08:06:00Z", 6, "Europe/Amsterdam", "2026-07-01T08:06:00.000Z"],
  ])("%s at %i min in %s → %s", (at, step, tz, want) => {
    expect(snapToStep(new Date(at), step, tz).toISOString()).toBe(want);
  });

  it("uses 15 minutes when the organization rounds nothing", () => {
    expect(snapMinutesFor(0)).toBe(15);
    expect(snapMinutesFor(null)).toBe(15);
    expect(snapMinutesFor(6)).toBe(6);
  });
});

describe("wall clock", () => {
  it("round-trips an instant through the local wall clock of a zone", () => {
    const d = new Date("2026-07-01T07:30:00Z");
    expect(toWallClock(d, "Europe/Amsterdam")).toBe("2026-07-01T09:30:00");
    expect(fromWallClock(new Date("2026-07-01T09:30:00Z"), "Europe/Amsterdam").toISOString()).toBe(
      "2026-07-01T07:30:00.000Z",
    );
    expect(toWallClock(new Date("2026-03-02T23:30:00Z"), "Asia/Kolkata")).toBe("2026-03-03T05:00:00");
  });
});
