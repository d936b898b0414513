import { chartBucket, shapeCharts, OTHER_KEY } from "./chart-data";

const row = (
  key1: string,
  key2: string | null,
  label2: string | null,
  h: number,
  amountCents: number | null = null,
) => ({
  key1,
  key2,
  label2,
  seconds: h * 3600,
  amountCents,
});

describe("report chart data", () => {
  it("picks days up to a month, weeks up to half a year, months beyond or without a range", () => {
    expect(chartBucket("2026-03-01", "2026-03-31")).toBe("day");
    expect(chartBucket("2026-03-01", "2026-04-01")).toBe("week");
    expect(chartBucket("2026-01-01", "2026-07-02")).toBe("week");
    expect(chartBucket("2026-01-01", "2026-12-31")).toBe("month");
    expect(chartBucket(null, null)).toBe("month");
  });

  it("draws every period of the range, empty ones as zero, and totals per project and client", () => {
    const clients = new Map([
      ["p1", { key: "c1", name: "Acme" }],
      ["p2", { key: "c1", name: "Acme" }],
    ]);
    const d = shapeCharts(
      {
        rows: [
          row("2026-03-02", "p1", "Site", 2, 200),
          row("2026-03-04", "p2", "App", 1, 50),
          row("2026-03-04", "", "No project", 1, 0),
        ],
        totals: { seconds: 4 * 3600 },
      },
      "day",
      { from: "2026-03-01", to: "2026-03-05", weekStart: 1 },
      clients,
    );
    expect(d.periods.map((p) => p.key)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]);
    expect(d.periods[3].seconds).toEqual({ p2: 3600, "": 3600 });
    expect(d.projects.map((p) => [p.name, p.seconds / 3600, p.amountCents])).toEqual([
      ["Site", 2, 200],
      ["App", 1, 50],
      ["No project", 1, 0],
    ]);
    expect(d.clients.map((c) => [c.name, c.seconds / 3600, c.amountCents])).toEqual([
      ["Acme", 3, 250],
      ["No client", 1, 0],
    ]);
  });

  it("weeks start on the organization's first weekday and months span the range; small projects become Other", () => {
    const rows = Array.from({ length: 9 }, (_, i) => row("2026-03-02", `p${i}`, `P${i}`, 9 - i));
    const w = shapeCharts(
      { rows, totals: { seconds: 45 * 3600 } },
      "week",
      { from: "2026-03-04", to: "2026-03-20", weekStart: 1 },
      new Map(),
    );
    expect(w.periods.map((p) => p.key)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(w.series.map((s) => s.key)).toEqual(["p0", "p1", "p2", "p3", "p4", "p5", OTHER_KEY]);
    expect(w.periods[0].seconds[OTHER_KEY]).toBe((3 + 2 + 1) * 3600);
    const m = shapeCharts(
      { rows: [], totals: { seconds: 0 } },
      "month",
      { from: "2025-11-15", to: "2026-02-01", weekStart: 1 },
      new Map(),
    );
    expect(m.periods.map((p) => p.key)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
