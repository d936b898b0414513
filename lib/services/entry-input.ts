// Turns a manual-entry form (day, times, forgiving duration) into a checked UTC start/end pair.
import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_ENTRY_SECONDS } from "@/lib/validation/entries";
import { getUserById } from "./users";
import { effectiveTimezone, getOrgSettings } from "./settings";
import { parseDuration } from "@/lib/time/duration-parse";
import { roundedEnd } from "@/lib/time/rounding";
import { zonedToUtc } from "@/lib/time/tz";

export const DURATION_HINT = "Enter a duration such as 1h 30m, 1:30, 90m or 1.5.";

export async function timezoneOf(userId: string): Promise<string> {
  const u = await getUserById(userId);
  return effectiveTimezone(u?.timezone);
}

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

/** start/end from a day in tz plus either an end time or a duration; rounded per org settings. */
export async function resolveSpan(
  input: { date: string; startTime: string | null; endTime: string | null; duration: string },
  tz: string,
): Promise<{ start: Date; end: Date }> {
  const start = zonedToUtc(input.date, input.startTime ?? "09:00", tz);
  let end: Date;
  if (input.endTime) {
    if (!input.startTime) throw fieldError("startTime", "Enter a start time to go with the end time.");
    end = zonedToUtc(input.date, input.endTime, tz);
    if (end.getTime() <= start.getTime()) throw fieldError("endTime", "The end must be after the start.");
  } else if (input.duration) {
    const minutes = parseDuration(input.duration);
    if (minutes === null) throw fieldError("duration", DURATION_HINT);
    end = new Date(start.getTime() + minutes * 60_000);
  } else {
    throw fieldError("duration", "Enter an end time or a duration.");
  }
  return checkedSpan(start, end);
}

export async function checkedSpan(start: Date, end: Date): Promise<{ start: Date; end: Date }> {
  const secs = (end.getTime() - start.getTime()) / 1000;
  if (secs <= 0) throw fieldError("endTime", "The end must be after the start.");
  if (secs > MAX_ENTRY_SECONDS) throw fieldError("duration", "One entry can be at most 24 hours long.");
  const org = await getOrgSettings();
  return { start, end: roundedEnd(start, end, org.roundingMinutes, org.roundingMode) };
}
