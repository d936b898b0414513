import { buildIcs, escapeText, foldLine, utcStamp } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Undoes RFC 5545 folding: a CRLF followed by one space joins the lines. */
const unfold = (s: string) => s.replace(/\r\n /g, "");

describe("escapeText", () => {
  it("escapes backslashes, semicolons, commas and every kind of line break", () => {
    expect(escapeText("a\\b; c, d\ne\r\nf\rg")).toBe("a\\\\b\\; c\\, d\\ne\\nf\\ng");
  });
});

describe("utcStamp", () => {
  it("writes a UTC DATE-TIME without separators or milliseconds", () => {
    expect(utcStamp(new Date("2026-03-02T09:05:07.123Z"))).toBe("20260302T090507Z");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a continuation line", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("keeps every physical line within 75 octets and never splits a UTF-8 character", () => {
    const line = `SUMMARY:${"Überstunden für Café Zürich ☕ 😀 ".repeat(8)}`;
    const folded = foldLine(line);
    for (const physical of folded.split("\r\n")) expect(octets(physical)).toBeLessThanOrEqual(75);
    expect(folded).not.toContain("\uFFFD");
    expect(unfold(folded)).toBe(line);
  });
});

describe("buildIcs", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const text = buildIcs({
    name: "TimeTracker",
    now,
    events: [
      {
        uid: "e1@timetracker",
        start: new Date("2026-03-02T09:00:00Z"),
        end: new Date("2026-03-02T10:30:00Z"),
        summary: "Review; call, notes",
        description: `Acme / Website\n\n${"long note ".repeat(20)}`,
        modified: now,
      },
    ],
  });

  it("is a VCALENDAR with CRLF line ends and one VEVENT in UTC", () => {
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split("\r\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "BEGIN:VEVENT",
        "UID:e1@timetracker",
        "DTSTAMP:20260310T120000Z",
        "DTSTART:20260302T090000Z",
        "DTEND:20260302T103000Z",
        "SUMMARY:Review\\; call\\, notes",
        "END:VEVENT",
      ]),
    );
    expect(lines.find((l) => l.startsWith("DESCRIPTION:"))).toBe(
      `DESCRIPTION:Acme / Website\\n\\n${"long note ".repeat(20)}`,
    );
  });

  it("folds the long description so no physical line exceeds 75 octets", () => {
    const physical = text.split("\r\n");
    expect(physical.some((l) => l.startsWith(" "))).toBe(true);
    for (const l of physical) expect(octets(l)).toBeLessThanOrEqual(75);
  });
});
