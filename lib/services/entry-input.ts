// Turns a manual-entry form (day, times, forgiving duration) into a checked UTC start/end pair.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_ENTRY_SECONDS } from "@/lib/validation/entries";
import { getUserById } from "./users";
import { effectiveTimezone, getOrgSettings } from "./settings";
import { formatHm, parseDuration } from "@/lib/time/duration-parse";
import { roundedEnd, type RoundingMode } from "@/lib/time/rounding";
import { addDays, zonedToUtc } from "@/lib/time/tz";
import type { WebhookEventType } from "@/lib/webhooks/event-types";

export const DURATION_HINT = "Enter a duration such as 1h 30m, 1:30, 90m or 1.5.";

export async function timezoneOf(userId: string): Promise<string> {
  const u = await getUserById(userId);
  return effectiveTimezone(u?.timezone);
}

/** How the organization rounds an entry's duration. */
export interface Rounding {
  roundingMinutes: number;
  roundingMode: RoundingMode;
}

/**
 * A user's effective time zone, the organization's rounding, and whether a webhook endpoint wants
 * `event` for this user's data, in ONE statement (an API create used to read the user and the
 * settings twice, then the endpoints inside its transaction: four round trips). Before the settings
 * row exists (a fresh database) it falls back to getOrgSettings, which creates it.
 */
export async function entryClock(
  userId: string,
  event: WebhookEventType = "entry.created",
): Promise<{ tz: string; rounding: Rounding; subscribed: boolean }> {
  // `subscribed` is the audience { userId } of webhook-outbox.ts: the user's own endpoints and the
  // organization-wide ones, enabled, with the event. Read before the write's transaction rather than
  // inside it: an endpoint created meanwhile is as "concurrent" either way (read committed).
  const rows = await db().$queryRaw<
    {
      user_tz: string | null;
      org_tz: string;
      rounding_minutes: number;
      rounding_mode: RoundingMode;
      subscribed: boolean;
    }[]
  >`
    SELECT u.timezone AS user_tz, o.timezone AS org_tz, o.rounding_minutes, o.rounding_mode::text AS rounding_mode,
           EXISTS (SELECT 1 FROM webhook_endpoints w
                    WHERE w.enabled AND ${event} = ANY (w.events)
                      AND (w.owner_id IS NULL OR w.owner_id = ${userId}::uuid)) AS subscribed
      FROM organization_settings o LEFT JOIN users u ON u.id = ${userId}::uuid
     WHERE o.id = 1`;
  const row = rows[0];
  if (!row) {
    const [tz, org] = await Promise.all([timezoneOf(userId), getOrgSettings()]);
    // Unknown here: the transaction's own read of the endpoints decides.
    return { tz, rounding: { roundingMinutes: org.roundingMinutes, roundingMode: org.roundingMode }, subscribed: true };
  }
  return {
    tz: row.user_tz || row.org_tz,
    rounding: { roundingMinutes: Number(row.rounding_minutes), roundingMode: row.rounding_mode },
    subscribed: Boolean(row.subscribed),
  };
}

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

/** start/end from a day in tz plus an end time or a duration (both: they must agree); rounded per
 * org settings. An end time before the start time means the next day (a shift past midnight). */
export async function resolveSpan(
  input: { date: string; startTime: string | null; endTime: string | null; duration: string },
  tz: string,
  rounding?: Rounding,
): Promise<{ start: Date; end: Date }> {
  const start = zonedToUtc(input.date, input.startTime ?? "09:00", tz);
  const minutes = input.duration ? parseDuration(input.duration) : null;
  if (input.duration && minutes === null) throw fieldError("duration", DURATION_HINT);
  let end: Date;
  if (input.endTime) {
    if (!input.startTime) throw fieldError("startTime", "Enter a start time to go with the end time.");
    if (input.endTime === input.startTime) throw fieldError("endTime", "The end must be after the start.");
    const endDay = input.endTime < input.startTime ? addDays(input.date, 1) : input.date;
    end = zonedToUtc(endDay, input.endTime, tz);
    const spanMinutes = Math.round((end.getTime() - start.getTime()) / 60_000);
    if (minutes !== null && minutes !== spanMinutes) {
      const message = `Does not match ${input.startTime}–${input.endTime} (${formatHm(spanMinutes * 60)}). Change the end time or clear it.`;
      throw fieldError("duration", message);
    }
  } else if (minutes !== null) {
    end = new Date(start.getTime() + minutes * 60_000);
  } else {
    throw fieldError("duration", "Enter an end time or a duration.");
  }
  return checkedSpan(start, end, rounding);
}

/** `rounding`: the organization's, when the caller already read it (else read here). */
export async function checkedSpan(start: Date, end: Date, rounding?: Rounding): Promise<{ start: Date; end: Date }> {
  const secs = (end.getTime() - start.getTime()) / 1000;
  if (secs <= 0) throw fieldError("endTime", "The end must be after the start.");
  if (secs > MAX_ENTRY_SECONDS) throw fieldError("duration", "One entry can be at most 24 hours long.");
  const org = rounding ?? (await getOrgSettings());
  return { start, end: roundedEnd(start, end, org.roundingMinutes, org.roundingMode) };
}
