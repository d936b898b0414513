// The calendar view: the signed-in user's own entries in a visible range, a block drawn on empty
// space made an entry, a block moved or resized. Times snap to the organization's rounding step
// (15 minutes when it rounds nothing) on the user's local clock. Writes go through the entries
// service (createManualEntry, updateEntry), so locks, rounding, webhooks and events are the same.
// The calendar is personal, also for admins: only the caller's own entries, never someone else's.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  ZCalendarCreate,
  ZCalendarMove,
  ZCalendarRange,
  type TCalendarCreate,
  type TCalendarMove,
  type TCalendarRange,
} from "@/lib/validation/calendar";
import { snapMinutesFor, snapToStep } from "@/lib/time/snap";
import { dateKey, formatTime } from "@/lib/time/tz";
import type { Actor } from "./actor";
import { createManualEntry, updateEntry } from "./entries";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { timezoneOf } from "./entry-input";
import { getOrgSettings } from "./settings";

/** One block on the calendar; instants as ISO strings (UTC). */
export interface CalendarEntry {
  id: string;
  notes: string;
  projectName: string | null;
  projectColor: string | null;
  clientName: string | null;
  taskName: string | null;
  start: string;
  /** Null while the timer runs. */
  end: string | null;
  billable: boolean;
  /** On an invoice: cannot be moved or resized. */
  locked: boolean;
}

function toCalendarEntry(e: EntryDto, locked: boolean): CalendarEntry {
  return {
    id: e.id,
    notes: e.notes,
    projectName: e.projectName,
    projectColor: e.projectColor,
    clientName: e.clientName,
    taskName: e.taskName,
    start: e.start.toISOString(),
    end: e.end ? e.end.toISOString() : null,
    billable: e.billable,
    locked,
  };
}

/** The step every drag snaps to, in minutes. */
export async function calendarSnapMinutes(): Promise<number> {
  return snapMinutesFor((await getOrgSettings()).roundingMinutes);
}

/** The caller's entries that overlap [start, end), the running one included. */
export async function listCalendarEntries(actor: Actor, input: TCalendarRange): Promise<CalendarEntry[]> {
  const { start, end } = ZCalendarRange.parse(input);
  const rows = await db().timeEntry.findMany({
    where: { userId: actor.id, start: { lt: end }, OR: [{ end: null }, { end: { gt: start } }] },
    orderBy: [{ start: "asc" }, { id: "asc" }],
    select: { ...entrySelect, claim: { select: { invoiceId: true } } },
  });
  const now = new Date();
  return rows.map((r) => toCalendarEntry(toEntryDto(r, now), r.claim !== null));
}

/** start and end on the step; an end that snapped onto the start keeps one step. */
async function snappedSpan(start: Date, end: Date, tz: string): Promise<{ start: Date; end: Date }> {
  const step = await calendarSnapMinutes();
  const s = snapToStep(start, step, tz);
  let e = snapToStep(end, step, tz);
  if (e.getTime() <= s.getTime()) e = new Date(s.getTime() + step * 60_000);
  return { start: s, end: e };
}

/** The day and wall-clock times of a span in tz, as the manual-entry form takes them. */
function asForm(span: { start: Date; end: Date }, tz: string) {
  return { date: dateKey(span.start, tz), startTime: formatTime(span.start, tz), endTime: formatTime(span.end, tz) };
}

export async function createCalendarEntry(
  actor: Actor,
  input: TCalendarCreate,
): Promise<CalendarEntry & { overlaps: boolean }> {
  const data = ZCalendarCreate.parse(input);
  const tz = await timezoneOf(actor.id);
  const span = await snappedSpan(data.start, data.end, tz);
  const e = await createManualEntry(actor, {
    projectId: data.projectId,
    notes: data.notes,
    duration: "",
    ...asForm(span, tz),
  });
  return { ...toCalendarEntry(e, false), overlaps: e.overlaps };
}

/** Moves or resizes one of the caller's finished entries; billed entries are refused (CONFLICT). */
export async function moveCalendarEntry(
  actor: Actor,
  input: TCalendarMove,
): Promise<CalendarEntry & { overlaps: boolean }> {
  const data = ZCalendarMove.parse(input);
  const row = await db().timeEntry.findFirst({ where: { id: data.id, userId: actor.id }, select: entrySelect });
  // Someone else's entry looks exactly like a missing one, also to an admin: the calendar is personal.
  if (!row) throw new AppError("NOT_FOUND", "That entry does not exist.");
  const old = toEntryDto(row);
  if (!old.end) throw new AppError("CONFLICT", "Stop the timer before moving its entry.");
  const tz = await timezoneOf(actor.id);
  const span = await snappedSpan(data.start, data.end, tz);
  const e = await updateEntry(actor, {
    id: old.id,
    projectId: old.projectId,
    taskId: old.taskId,
    notes: old.notes,
    tags: old.tags,
    billable: old.billable,
    duration: "",
    ...asForm(span, tz),
  });
  return { ...toCalendarEntry(e, false), overlaps: e.overlaps };
}
