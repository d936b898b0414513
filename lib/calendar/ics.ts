// iCalendar (RFC 5545) text for the calendar feed: VEVENTs in UTC, TEXT values escaped (backslash,
// semicolon, comma, newline), content lines folded at 75 octets without splitting a UTF-8 character,
// CRLF line ends. Hand-written: docs/development.md "Calendar feed" says why no library.

export interface IcsEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** Last change of the event (LAST-MODIFIED). */
  modified?: Date;
}

export interface IcsCalendar {
  /** X-WR-CALNAME: the name calendar apps show for the subscription. */
  name: string;
  events: IcsEvent[];
  /** DTSTAMP of every event: when this text was made. */
  now: Date;
}

const PRODID = "-//TimeTracker//Calendar feed//EN";

/** A TEXT value (RFC 5545 3.3.11): backslash first, then ; , and line breaks. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** 20260105T090000Z */
export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

const encoder = new TextEncoder();

/** One content line folded (RFC 5545 3.1): at most 75 octets per line, continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; a continuation line's leading space counts toward its 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function buildIcs(cal: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  const stamp = utcStamp(cal.now);
  for (const e of cal.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(e.start)}`,
      `DTEND:${utcStamp(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.modified ? [`LAST-MODIFIED:${utcStamp(e.modified)}`] : []),
      "TRANSP:OPAQUE",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
