// Forgiving duration input: "1h 30m", "1h30", "1:30", "90m", "90 min", "1.5", "1,5", "2h" → minutes.
// Returns null for anything it cannot read, so callers can show a field error.
import { NO_VALUE } from "./range";

const UNITS = /^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+(?:[.,]\d+)?)\s*m(?:in(?:utes?|s)?)?)?$/i;

function num(s: string): number {
  return Number(s.replace(",", "."));
}

/** Parses a duration typed by a person; returns whole minutes (> 0) or null. */
export function parseDuration(input: string): number | null {
  const minutes = parseDurationOrZero(input);
  return minutes !== null && minutes > 0 ? minutes : null;
}

/** Why a typed duration is refused: "shape" (unreadable), "zero" (reads as 0 or less), or null (fine). */
export function durationProblem(input: string): "shape" | "zero" | null {
  const s = input.trim();
  if (/^-\s*\d/.test(s)) return parseDurationOrZero(s.replace(/^-\s*/, "")) === null ? "shape" : "zero";
  const minutes = parseDurationOrZero(s);
  return minutes === null ? "shape" : minutes > 0 ? null : "zero";
}

/** The same reading, but 0 (or a value that rounds to 0 minutes) is returned as 0 instead of null. */
export function parseDurationOrZero(input: string): number | null {
  const s = input.trim().toLowerCase();
  if (!s) return null;
  let minutes: number | null = null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(s);
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
  } else if (/^\d+(?:[.,]\d+)?$/.test(s)) {
    // A bare number is hours: "1.5" = 90 minutes, "2" = 2 hours.
    minutes = num(s) * 60;
  } else if (/^\d+\s*h\s*\d{1,2}$/.test(s)) {
    // "1h30": minutes after the hours without a unit.
    const [h, m] = s.split("h");
    minutes = Number(h) * 60 + Number(m);
  } else {
    const m = UNITS.exec(s);
    if (m && (m[1] || m[2])) minutes = (m[1] ? num(m[1]) * 60 : 0) + (m[2] ? num(m[2]) : 0);
  }
  if (minutes === null || !Number.isFinite(minutes)) return null;
  return Math.max(0, Math.round(minutes));
}

/** 5400 seconds → "1:30"; NO_VALUE for a duration that is not a number (an unreadable stored end). */
export function formatHm(seconds: number): string {
  if (!Number.isFinite(seconds)) return NO_VALUE;
  const total = Math.max(0, Math.round(seconds / 60));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** 5400 seconds → "1.50". */
export function formatDecimalHours(seconds: number): string {
  if (!Number.isFinite(seconds)) return "";
  return (Math.max(0, seconds) / 3600).toFixed(2);
}
