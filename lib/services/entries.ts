// Time entries: manual and bulk creation, edit, duplicate, delete, and keyset-paginated lists.
// Users change only their own entries; admins may act for anyone (targetUserId / scoped where).
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import {
  ZBulkEntry,
  ZBulkEntryUpdate,
  ZEntryIds,
  ZEntryUpdate,
  ZGridTime,
  ZManualEntry,
  MAX_BULK_DAYS,
  type TBulkEntry,
  type TBulkEntryUpdate,
  type TEntryIds,
  type TEntryUpdate,
  type TGridTime,
  type TManualEntry,
} from "@/lib/validation/entries";
import type { TEntryFilters } from "@/lib/validation/reports";
import { isAdmin, targetUserId, type Actor } from "./actor";
import { decodeCursor, encodeCursor, entryWhere } from "./entry-filters";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { checkedSpan, entryClock, resolveSpan, timezoneOf, DURATION_HINT } from "./entry-input";
import { assertEntryUnbilled, lockedEntryError, lockUnbilledEntries } from "./entry-lock";
import {
  insertEntry,
  insertEntryRow,
  insertLoneEntryRow,
  NO_PROJECT_BILLABLE,
  recordEntriesCreated,
} from "./entry-write";
import { assertTrackable } from "./projects";
import { setEntryTags } from "./tags";
import { enqueueWebhookEvent, entryWebhookData } from "./webhook-outbox";
import { parseDuration } from "@/lib/time/duration-parse";
import { addDays, dateKey, dayRange, daysBetween, formatTime, weekday, zonedToUtc } from "@/lib/time/tz";
import { trashEntries } from "./entry-trash";

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

/**
 * Creates one entry from the form's fields (day, times or a duration); its id and whether it
 * overlaps another of the user's entries. Nothing is read back (the REST API and the form answer
 * with these two); createManualEntry returns the whole entry.
 */
export async function addManualEntry(
  actor: Actor,
  input: TManualEntry,
  opts: { userId?: string } = {},
): Promise<{ id: string; overlaps: boolean }> {
  const userId = targetUserId(actor, opts.userId);
  const data = ZManualEntry.parse(input);
  // Independent reads side by side (on PostgreSQL, two pool connections: one wait instead of two).
  const [{ project, taskId }, clock] = await Promise.all([
    assertTrackable(data.projectId, data.taskId),
    entryClock(userId),
  ]);
  const { start, end } = await resolveSpan(data, clock.tz, clock.rounding);
  // The id is chosen here so that the overlap count (advisory: a flag for the caller) can run beside
  // the insert and still leave the new entry out, whichever commits first.
  const id = randomUUID();
  const row = {
    id,
    userId,
    projectId: project?.id ?? null,
    taskId,
    start,
    end,
    notes: data.notes,
    billable: data.billable ?? project?.billable ?? NO_PROJECT_BILLABLE,
    source: "manual" as const,
  };
  const [, overlaps] = await Promise.all([
    clock.subscribed || data.tags.length
      ? db().$transaction((tx) => insertEntryRow(tx, row, data.tags))
      : insertLoneEntryRow(db(), row),
    countOverlaps(userId, start, end, id),
  ]);
  recordEntriesCreated(actor, row);
  return { id, overlaps: overlaps > 0 };
}

/** The same, with the entry read back as the services return it (the calendar shows it). */
export async function createManualEntry(
  actor: Actor,
  input: TManualEntry,
  opts: { userId?: string } = {},
): Promise<EntryWithFlags> {
  const { id, overlaps } = await addManualEntry(actor, input, opts);
  const row = await db().timeEntry.findUniqueOrThrow({ where: { id }, select: entrySelect });
  return { ...toEntryDto(row), overlaps };
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
  // The project, the time zone, the rounding and the webhook subscribers: two reads side by side.
  const [{ project, taskId }, clock] = await Promise.all([
    assertTrackable(data.projectId, data.taskId),
    entryClock(actor.id),
  ]);
  const { tz } = clock;
  const skipWeekends = data.skipWeekends ?? true;
  const spans: { start: Date; end: Date }[] = [];
  for (let d = data.from; d <= data.to; d = addDays(d, 1)) {
    if (skipWeekends && [0, 6].includes(weekday(d))) continue;
    const start = zonedToUtc(d, data.startTime ?? "09:00", tz);
    spans.push(await checkedSpan(start, new Date(start.getTime() + minutes * 60_000), clock.rounding));
  }
  if (!spans.length)
    throw new AppError("VALIDATION", "Those days are all weekend days.", { from: ["Choose at least one weekday."] });
  const billable = data.billable ?? project?.billable ?? NO_PROJECT_BILLABLE;
  await db().$transaction(async (tx) => {
    for (const s of spans) {
      const row = { userId: actor.id, projectId: project?.id ?? null, taskId, ...s, notes: data.notes, billable };
      await insertEntryRow(tx, { ...row, source: "bulk" }, data.tags, clock.subscribed);
    }
  });
  recordEntriesCreated(actor, { id: null, projectId: project?.id ?? null, source: "bulk", billable }, spans.length);
  return { created: spans.length };
}

export async function updateEntry(actor: Actor, input: TEntryUpdate): Promise<EntryWithFlags> {
  const { id, ...data } = ZEntryUpdate.parse(input);
  const old = await ownedEntry(actor, id);
  await assertEntryUnbilled(old.id);
  const [{ project, taskId }, clock] = await Promise.all([
    assertTrackable(data.projectId, data.taskId),
    entryClock(old.userId, "entry.updated"),
  ]);
  const { tz } = clock;
  // A running entry keeps running: only its start and details change.
  const span = old.end
    ? await resolveSpan(data, tz, clock.rounding)
    : { start: data.startTime ? zonedToUtc(data.date, data.startTime, tz) : old.start, end: null };
  if (!span.end && span.start.getTime() > Date.now()) {
    throw new AppError("VALIDATION", "A running timer cannot start in the future.", {
      startTime: ["Must not be in the future."],
    });
  }
  const entry = await db().$transaction(async (tx) => {
    // Only while unbilled: an invoice that claimed the entry since the check above wins.
    await lockUnbilledEntries(tx, [old.id]);
    const { count } = await tx.timeEntry.updateMany({
      where: { id: old.id, claim: { is: null } },
      data: {
        projectId: project?.id ?? null,
        taskId,
        start: span.start,
        end: span.end,
        notes: data.notes,
        billable: data.billable ?? old.billable,
      },
    });
    if (count !== 1) throw await lockedEntryError(old.id, tx);
    await setEntryTags(old.id, data.tags, tx, old.userId);
    const dto = toEntryDto(await tx.timeEntry.findUniqueOrThrow({ where: { id: old.id }, select: entrySelect }));
    await enqueueWebhookEvent(tx, "entry.updated", { userId: dto.userId }, entryWebhookData(dto));
    return dto;
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

/** Deletes one entry; a copy is kept for a day so Undo (restoreEntries) can put it back. */
export async function deleteEntry(actor: Actor, input: TById): Promise<void> {
  const { id } = ZById.parse(input);
  const e = await ownedEntry(actor, id);
  await db().$transaction(async (tx) => {
    await trashEntries(tx, actor, [e.id]);
    await enqueueWebhookEvent(tx, "entry.deleted", { userId: e.userId }, entryWebhookData(e));
  });
  track("entry.deleted", { time_entry_id: id }, { userId: actor.id });
}

/** The ids, all of them the actor's (admins: anyone's); else NOT_FOUND and nothing changes. */
async function ownedIds(actor: Actor, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const rows = await db().timeEntry.findMany({
    where: { id: { in: unique }, ...(isAdmin(actor) ? {} : { userId: actor.id }) },
    select: { id: true },
  });
  if (rows.length !== unique.length) throw new AppError("NOT_FOUND", "Some of those entries do not exist.");
  return unique;
}

/** Deletes the selected entries, all or none; Undo restores them all. */
export async function bulkDeleteEntries(actor: Actor, input: TEntryIds): Promise<{ deleted: number }> {
  const ids = await ownedIds(actor, ZEntryIds.parse(input).ids);
  const deleted = await db().$transaction(async (tx) => {
    const gone = await tx.timeEntry.findMany({ where: { id: { in: ids } }, select: entrySelect });
    const count = await trashEntries(tx, actor, ids);
    for (const e of gone.map((row) => toEntryDto(row))) {
      await enqueueWebhookEvent(tx, "entry.deleted", { userId: e.userId }, entryWebhookData(e));
    }
    return count;
  });
  track("entry.bulk_deleted", { num_entries: deleted }, { userId: actor.id });
  return { deleted };
}

/** Sets project (and task), tags or billable on the selected entries, all or none. */
export async function bulkUpdateEntries(actor: Actor, input: TBulkEntryUpdate): Promise<{ updated: number }> {
  const data = ZBulkEntryUpdate.parse(input);
  if (!data.projectId && data.taskId)
    throw new AppError("VALIDATION", "Choose the task's project too.", { projectId: ["Choose a project."] });
  if (!data.projectId && data.tags === undefined && data.billable === undefined) {
    throw new AppError("VALIDATION", "Choose a project, tags or billable to change.");
  }
  const ids = await ownedIds(actor, data.ids);
  const target = data.projectId ? await assertTrackable(data.projectId, data.taskId) : null;
  await db().$transaction(async (tx) => {
    // Billed entries are locked (entry-lock.ts): one in the selection refuses the whole edit.
    await lockUnbilledEntries(tx, ids);
    const set = {
      ...(target?.project ? { projectId: target.project.id, taskId: target.taskId } : {}),
      ...(data.billable !== undefined ? { billable: data.billable } : {}),
    };
    if (Object.keys(set).length) {
      const { count } = await tx.timeEntry.updateMany({ where: { id: { in: ids }, claim: { is: null } }, data: set });
      if (count !== ids.length)
        throw new AppError("CONFLICT", "Some of these entries were just billed on an invoice: nothing was changed.");
    }
    if (data.tags !== undefined) for (const id of ids) await setEntryTags(id, data.tags, tx, actor.id);
  });
  track(
    "entry.bulk_updated",
    {
      num_entries: ids.length,
      project_changed: !!target,
      tags_changed: data.tags !== undefined,
      billable_changed: data.billable !== undefined,
    },
    { userId: actor.id },
  );
  return { updated: ids.length };
}

/** The week grid's typed hours: one entry placed right after the day's last entry (09:00 on an
 * empty day), so entries added from the grid do not overlap each other. */
export async function createGridEntry(actor: Actor, input: TGridTime): Promise<EntryWithFlags> {
  const data = ZGridTime.parse(input);
  const tz = await timezoneOf(actor.id);
  const { from, to } = dayRange(data.date, data.date, tz);
  const last = await db().timeEntry.findFirst({
    where: { userId: actor.id, start: { gte: from, lt: to } },
    orderBy: [{ end: { sort: "desc", nulls: "first" } }],
    select: { end: true },
  });
  const after = last ? (last.end ?? new Date()) : null;
  // Seconds are dropped so the entry starts on a whole minute, as one typed by hand would.
  const next = after ? new Date(Math.ceil(after.getTime() / 60_000) * 60_000) : null;
  // The hours belong to the typed day: after a last entry that ran past midnight, back to 09:00.
  const startTime = next && dateKey(next, tz) === data.date ? formatTime(next, tz) : "09:00";
  return createManualEntry(actor, { ...data, startTime });
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
