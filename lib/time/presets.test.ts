import { presetOf, presetRange } from "./presets";

describe("report date presets", () => {
  // Thursday 2026-02-12; weeks start on Monday (1) or Sunday (0).
  const today = "2026-02-12";
  it.each([
    ["today", 1, "2026-02-12", "2026-02-12"],
    ["this_week", 1, "2026-02-09", "2026-02-15"],
    ["this_week", 0, "2026-02-08", "2026-02-14"],
    ["last_week", 1, "2026-02-02", "2026-02-08"],
    ["this_month", 1, "2026-02-01", "2026-02-28"],
    ["last_month", 1, "2026-01-01", "2026-01-31"],
    ["this_quarter", 1, "2026-01-01", "2026-03-31"],
    ["this_year", 1, "2026-01-01", "2026-12-31"],
  ] as const)("%s (week starts %i) is %s..%s", (preset, weekStart, from, to) => {
    expect(presetRange(preset, today, weekStart)).toEqual({ from, to });
  });

  it("last month across a year boundary, and a leap February", () => {
    expect(presetRange("last_month", "2026-01-15", 1)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(presetRange("this_month", "2028-02-03", 1)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("this_quarter", "2026-11-30", 1)).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });

  it("recognises a range as its preset, and a custom range as none", () => {
    expect(presetOf("2026-02-01", "2026-02-28", today, 1)).toBe("this_month");
    expect(presetOf("2026-02-03", "2026-02-28", today, 1)).toBeNull();
  });
});
