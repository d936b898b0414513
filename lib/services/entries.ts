// Time entries: manual and bulk creation, edit, duplicate, delete, and keyset-paginated lists.
// Users change only their own entries; admins may act for anyone (targetUserId / scoped where).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import {
  ZBulkEntry,
  ZEntryUpdate,
  ZManualEntry,
  MAX_BULK_DAYS,
  type TBulkEntry,
  type TEntryUpdate,
  type TManualEntry,
} from "@/lib/validation/entries";
import type { TEntryFilters } from "@/lib/validation/reports";
import { isAdmin, targetUserId, type Actor } from "./actor";
import { decodeCursor, encodeCursor, entryWhere } from "./entry-filters";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { checkedSpan, resolveSpan, timezoneOf, DURATION_HINT } from "./entry-input";
import { insertEntry, insertEntryRow, NO_PROJECT_BILLABLE, recordEntriesCreated } from "./entry-write";
import { assertTrackable } from "./projects";
import { setEntryTags } from "./tags";
import { parseDuration } from "@/lib/time/duration-parse";
import { addDays, daysBetween, weekday, zonedToUtc } from "@/lib/time/tz";

export type EntryWithFlags = EntryDto & { overlaps: boolean };

async function ownedEntry(actor: Actor, id: string) {
  const row = await db().timeEntry.findFirst({
    where: { id, ...(isAdmin(actor) ? {} : { userId: actor.id }) },
    select: entrySelect,
  });
  // Someone else's entry looks exactly like a missing one.
  if (!row) throw new AppError("NOT_FOUND", "That entry does not exist.");
  return toEntryDto(row);
}

export async function getEntry(actor: Actor, id: string): Promise<EntryDto> {
  return ownedEntry(actor, id);
}

async function countOverlaps(userId: string, start: Date, end: Date, exceptId?: string): Promise<number> {
  return db().timeEntry.count({
    where: {
      userId,
      ...(exceptId ? { id: { not: exceptId } } : {}),
      start: { lt: end },
      OR: [{ end: null }, { end: { gt: start } }],
    },
  });
}

export async function createManualEntry(
  actor: Actor,
  input: TManualEntry,
  opts: { userId?: string } = {},
): Promise<EntryWithFlags> {
  const userId = targetUserId(actor, opts.userId);
  const data = ZManualEntry.parse(input);
  const { project, taskId } = await assertTrackable(data.projectId, data.taskId);
  const { start, end } = await resolveSpan(data, await timezoneOf(userId));
  const entry = await db().$transaction((tx) =>
    insertEntry(
      tx,
      {
        userId,
        projectId: project?.id ?? null,
        taskId,
        start,
        end,
        notes: data.notes,
        billable: data.billable ?? project?.billable ?? NO_PROJECT_BILLABLE,
        source: "manual",
      },
      data.tags,
    ),
  );
  recordEntriesCreated(actor, entry);
  return { ...entry, overlaps: (await countOverlaps(userId, start, end, entry.id)) > 0 };
}

/** One entry per day from..to (weekends skipped unless asked), all or nothing. */
export async function createBulkEntries(actor: Actor, input: TBulkEntry): Promise<{ created: number }> {
  const data = ZBulkEntry.parse(input);
  const span = daysBetween(data.from, data.to);
  if (span < 0)
    throw new AppError("VALIDATION", "The last day must not be before the first.", {
      to: ["Must not be before the first day."],
    });
  if (span + 1 > MAX_BULK_DAYS) {
    throw new AppError("VALIDATION", `At most ${MAX_BULK_DAYS} days at once.`, {
      to: [`At most ${MAX_BULK_DAYS} days at once.`],
    });
  }
  const minutes = parseDuration(data.duration);
  if (minutes === null) throw new AppError("VALIDATION", DURATION_HINT, { duration: [DURATION_HINT] });
  const { project, taskId } = await assertTrackable(data.projectId, data.taskId);
  const tz = await timezoneOf(actor.id);
  const skipWeekends = data.skipWeekends ?? true;
  const spans: { start: Date; end: Date }[] = [];
  for (let d = data.from; d <= data.to; d = addDays(d, 1)) {
    if (skipWeekends && [0, 6].includes(weekday(d))) continue;
    const start = zonedToUtc(d, data.startTime ?? "09:00", tz);
    spans.push(await checkedSpan(start, new Date(start.getTime() + minutes * 60_000)));
  }
  if (!spans.length)
    throw new AppError("VALIDATION", "Those days are all weekend days.", { from: ["Choose at least one weekday."] });
  const billable = data.billable ?? project?.billable ?? NO_PROJECT_BILLABLE;
  await db().$transaction(async (tx) => {
    for (const s of spans) {
      const row = { userId: actor.id, projectId: project?.id ?? null, taskId, ...s, notes: data.notes, billable };
      await insertEntryRow(tx, { ...row, source: "bulk" }, data.tags);
    }
  });
  recordEntriesCreated(actor, { id: null, projectId: project?.id ?? null, source: "bulk", billable }, spans.length);
  return { created: spans.length };
}

export async function updateEntry(actor: Actor, input: TEntryUpdate): Promise<EntryWithFlags> {
  const { id, ...data } = ZEntryUpdate.parse(input);
  const old = await ownedEntry(actor, id);
  const { project, taskId } = await assertTrackable(data.projectId, data.taskId);
  const tz = await timezoneOf(old.userId);
  // A running entry keeps running: only its start and details change.
  const span = old.end
    ? await resolveSpan(data, tz)
    : { start: data.startTime ? zonedToUtc(data.date, data.startTime, tz) : old.start, end: null };
  if (!span.end && span.start.getTime() > Date.now()) {
    throw new AppError("VALIDATION", "A running timer cannot start in the future.", {
      startTime: ["Must not be in the future."],
    });
  }
  const entry = await db().$transaction(async (tx) => {
    await tx.timeEntry.update({
      where: { id: old.id },
      data: {
        projectId: project?.id ?? null,
        taskId,
        start: span.start,
        end: span.end,
        notes: data.notes,
        billable: data.billable ?? old.billable,
      },
    });
    await setEntryTags(old.id, data.tags, tx);
    return toEntryDto(await tx.timeEntry.findUniqueOrThrow({ where: { id: old.id }, select: entrySelect }));
  });
  track("entry.updated", { time_entry_id: id }, { userId: actor.id });
  const overlaps = await countOverlaps(entry.userId, entry.start, entry.end ?? new Date(), entry.id);
  return { ...entry, overlaps: overlaps > 0 };
}

/** A copy of a finished entry, on the same day and times (flagged as overlapping, by nature). */
export async function duplicateEntry(actor: Actor, input: TById): Promise<EntryDto> {
  const e = await ownedEntry(actor, ZById.parse(input).id);
  if (!e.end) throw new AppError("CONFLICT", "Stop the timer before duplicating this entry.");
  const { userId, projectId, taskId, start, end, notes, billable } = e;
  const copy = await db().$transaction((tx) =>
    insertEntry(tx, { userId, projectId, taskId, start, end, notes, billable, source: "manual" }, e.tags),
  );
  recordEntriesCreated(actor, copy);
  return copy;
}

export async function deleteEntry(actor: Actor, input: TById): Promise<void> {
  const { id } = ZById.parse(input);
  const e = await ownedEntry(actor, id);
  await db().timeEntry.delete({ where: { id: e.id } });
  track("entry.deleted", { time_entry_id: id }, { userId: actor.id });
}

export interface EntryPage {
  entries: EntryWithFlags[];
  nextCursor: string | null;
}

/** Newest first, `limit` at a time; pass nextCursor back for the next page. */
export async function listEntries(
  actor: Actor,
  filters: TEntryFilters,
  opts: { cursor?: string | null; limit?: number; tz?: string } = {},
): Promise<EntryPage> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  const tz = opts.tz ?? (await timezoneOf(actor.id));
  const c = decodeCursor(opts.cursor);
  const rows = await db().timeEntry.findMany({
    where: {
      AND: [
        entryWhere(actor, filters, tz),
        c ? { OR: [{ start: { lt: c.start } }, { start: c.start, id: { lt: c.id } }] } : {},
      ],
    },
    orderBy: [{ start: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: entrySelect,
  });
  const page = rows.slice(0, limit).map((r) => toEntryDto(r));
  return { entries: flagOverlaps(page), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

/** Marks entries of the same user whose times overlap another entry in the list. */
export function flagOverlaps(entries: EntryDto[]): EntryWithFlags[] {
  const now = Date.now();
  return entries.map((a) => ({
    ...a,
    overlaps: entries.some(
      (b) =>
        b.id !== a.id &&
        b.userId === a.userId &&
        b.start < (a.end ?? new Date(now)) &&
        a.start < (b.end ?? new Date(now)),
    ),
  }));
}
