import { offsetSegments } from "./offset-segments";

const iso = (s: { from: number; minutes: number }) => [new Date(s.from).toISOString(), s.minutes];

describe("offsetSegments", () => {
  it("pins each DST change to its instant", () => {
    const segs = offsetSegments(new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"), "Europe/Berlin");
    expect(segs?.map(iso)).toEqual([
      ["2026-01-01T00:00:00.000Z", 60],
      ["2026-03-29T01:00:00.000Z", 120],
      ["2026-10-25T01:00:00.000Z", 60],
    ]);
  });

  it("handles half- and quarter-hour offsets and half-hour DST", () => {
    const y = [new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")] as const;
    expect(offsetSegments(...y, "Asia/Kathmandu")?.map(iso)).toEqual([["2026-01-01T00:00:00.000Z", 345]]);
    expect(offsetSegments(...y, "Australia/Lord_Howe")?.map((s) => s.minutes)).toEqual([660, 630, 660]);
    expect(offsetSegments(...y, "America/St_Johns")?.map((s) => s.minutes)).toEqual([-210, -150, -210]);
  });

  it("gives up on empty or very long ranges", () => {
    expect(offsetSegments(new Date("2026-01-02"), new Date("2026-01-01"), "UTC")).toBeNull();
    expect(offsetSegments(new Date("2000-01-01"), new Date("2026-01-01"), "UTC")).toBeNull();
  });
});
