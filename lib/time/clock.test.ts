import { elapsedSeconds, formatClock } from "./clock";

describe("formatClock", () => {
  it.each([
    [0, "0:00:00"],
    [7, "0:00:07"],
    [65.9, "0:01:05"],
    [3900, "1:05:00"],
    [26 * 3600, "26:00:00"],
    [-5, "0:00:00"],
    [Number.NaN, "0:00:00"],
  ])("%p seconds → %s", (s, want) => expect(formatClock(s)).toBe(want));
});

describe("elapsedSeconds", () => {
  it("counts whole seconds and never goes below zero", () => {
    const start = "2026-03-02T09:00:00.000Z";
    expect(elapsedSeconds(start, Date.parse(start) + 61_999)).toBe(61);
    expect(elapsedSeconds(start, Date.parse(start) - 3000)).toBe(0);
  });
});
