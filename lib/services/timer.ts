// The timer: start, stop (now or at a given time), resume, switch, idle handling. The database
// keeps at most one running entry per user (partial unique index); we turn a clash into a
// CONFLICT that tells the user to switch instead.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { incrementTimeEntriesCreated } from "@/lib/observability/metrics";
import {
  ZResolveIdle,
  ZRestartEntry,
  ZStartTimer,
  ZStopTimer,
  type TResolveIdle,
  type TRestartEntry,
  type TStartTimer,
  type TStopTimer,
} from "@/lib/validation/entries";
import { targetUserId, type Actor } from "./actor";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { insertEntry, NO_PROJECT_BILLABLE } from "./entry-write";
import { isUniqueViolation } from "./prisma-errors";
import { publishLive } from "./live/bus";
import { enqueueWebhookEvent, entryWebhookData } from "./webhook-outbox";
import { assertTrackable } from "./projects";
import { getOrgSettings } from "./settings";
import { roundedEnd } from "@/lib/time/rounding";
import { recordCommand, type CommandRef } from "./timer-command-log";

export const ALREADY_RUNNING = "A timer is already running. Stop it first, or switch to the new task.";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

// Memoized within one server render (React cache): the header timer and the dashboard both show it.
const runningRowOf = cache((userId: string) =>
  db().timeEntry.findFirst({ where: { userId, end: null }, select: entrySelect }),
);

export async function getRunningEntry(actor: Actor, userId?: string): Promise<EntryDto | null> {
  const row = await runningRowOf(targetUserId(actor, userId));
  return row ? toEntryDto(row) : null;
}

interface CheckedStart {
  data: ReturnType<typeof ZStartTimer.parse>;
  project: Awaited<ReturnType<typeof assertTrackable>>["project"];
  taskId: string | null;
}

// Checks run before the transaction: PGlite has one connection, so a query outside the
// transaction's client while it is open would wait for it forever.
async function checkStart(input: TStartTimer): Promise<CheckedStart> {
  const data = ZStartTimer.parse(input);
  const { project, taskId } = await assertTrackable(data.projectId, data.taskId);
  return { data, project, taskId };
}

function insertRunning(tx: Tx, userId: string, { data, project, taskId }: CheckedStart, at: Date) {
  const billable = data.billable ?? project?.billable ?? NO_PROJECT_BILLABLE;
  const row = { userId, projectId: project?.id ?? null, taskId, start: at, notes: data.notes, billable };
  return insertEntry(tx, { ...row, source: "timer" }, data.tags);
}

/** After the transaction that started `e` has committed: the entry counter and the product event. */
function recordStarted(actor: Actor, e: EntryDto): void {
  incrementTimeEntriesCreated("timer");
  void publishLive(e.userId, "timer"); // the user's other tabs and devices (lib/services/live)
  track(
    "timer.started",
    {
      time_entry_id: e.id,
      project_id: e.projectId,
      task_id: e.taskId,
      has_description: e.notes.length > 0,
      billable: e.billable,
    },
    { userId: actor.id },
  );
}

/** Where a start or stop comes from: a replayed offline command carries its id and when it was made. */
export interface TimerOpts {
  /** When the user pressed start/stop (an offline command replayed later); default now. */
  at?: Date;
  /** Recorded with the change in one transaction (lib/services/timer-commands.ts). */
  command?: CommandRef;
}

export async function startTimer(
  actor: Actor,
  input: TStartTimer,
  opts: { userId?: string } & TimerOpts = {},
): Promise<EntryDto> {
  const userId = targetUserId(actor, opts.userId);
  // No "is one running?" read first: the partial unique index refuses a second running entry, and
  // that refusal is the CONFLICT below (one round trip less per start: docs/performance.md).
  const checked = await checkStart(input);
  let entry: EntryDto;
  try {
    entry = await db().$transaction(async (tx) => {
      const e = await insertRunning(tx, userId, checked, opts.at ?? new Date());
      await recordCommand(tx, opts.command, userId, "started", e.id);
      return e;
    });
  } catch (err) {
    // A timer already runs (or two starts raced): the partial unique index let only one through.
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", ALREADY_RUNNING);
    throw err;
  }
  recordStarted(actor, entry);
  return entry;
}

type Rounding = Pick<Awaited<ReturnType<typeof getOrgSettings>>, "roundingMinutes" | "roundingMode">;

async function stopRunning(tx: Tx, userId: string, at: Date | undefined, org: Rounding): Promise<EntryDto | null> {
  const running = await tx.timeEntry.findFirst({ where: { userId, end: null }, select: { id: true, start: true } });
  if (!running) return null;
  if (at && at.getTime() <= running.start.getTime()) {
    throw new AppError("VALIDATION", "The stop time must be after the timer's start.", {
      at: ["Must be after the start."],
    });
  }
  const now = new Date();
  if (at && at.getTime() > now.getTime() + 60_000)
    throw new AppError("VALIDATION", "The stop time cannot be in the future.");
  // "Stop now" within the same millisecond as the start still gives a valid (end > start) entry.
  const rawEnd = at ?? new Date(Math.max(now.getTime(), running.start.getTime() + 1000));
  const end = roundedEnd(running.start, rawEnd, org.roundingMinutes, org.roundingMode);
  const row = await tx.timeEntry.update({ where: { id: running.id }, data: { end }, select: entrySelect });
  const stopped = toEntryDto(row);
  await enqueueWebhookEvent(tx, "timer.stopped", { userId }, entryWebhookData(stopped));
  return stopped;
}

function emitStopped(actor: Actor, e: EntryDto): void {
  void publishLive(e.userId, "timer");
  track(
    "timer.stopped",
    { time_entry_id: e.id, project_id: e.projectId, task_id: e.taskId, duration_seconds: e.durationSeconds },
    { userId: actor.id },
  );
}

/** Stops the running timer now, or at `at` (idle handling). Null when nothing was running. */
export async function stopTimer(
  actor: Actor,
  input: TStopTimer = {},
  opts: Pick<TimerOpts, "command"> = {},
): Promise<EntryDto | null> {
  const { at, userId: requested } = ZStopTimer.parse(input);
  const userId = targetUserId(actor, requested);
  const org = await getOrgSettings();
  const stopped = await db().$transaction(async (tx) => {
    const e = await stopRunning(tx, userId, at, org);
    await recordCommand(tx, opts.command, userId, e ? "stopped" : "nothing_running", e?.id ?? null);
    return e;
  });
  if (stopped) emitStopped(actor, stopped);
  return stopped;
}

/** Stops whatever runs and starts the new entry, in one transaction. */
export async function switchTimer(
  actor: Actor,
  input: TStartTimer,
  opts: TimerOpts = {},
): Promise<{ stopped: EntryDto | null; started: EntryDto }> {
  const userId = actor.id;
  const now = opts.at ?? new Date();
  const checked = await checkStart(input);
  const org = await getOrgSettings();
  let out: { stopped: EntryDto | null; started: EntryDto };
  try {
    out = await db().$transaction(async (tx) => {
      const stopped = await stopRunning(tx, userId, opts.at, org);
      const started = await insertRunning(tx, userId, checked, stopped?.end && stopped.end > now ? stopped.end : now);
      await recordCommand(tx, opts.command, userId, "started", started.id);
      return { stopped, started };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", ALREADY_RUNNING);
    throw err;
  }
  if (out.stopped) emitStopped(actor, out.stopped);
  recordStarted(actor, out.started);
  return out;
}

/** Starts a new timer with the project, task, notes, tags and billable flag of one of your entries. */
export async function restartEntry(actor: Actor, input: TRestartEntry = {}, opts: TimerOpts = {}): Promise<EntryDto> {
  const entryId = ZRestartEntry.parse(input).id;
  const last = await db().timeEntry.findFirst({
    where: { userId: actor.id, ...(entryId ? { id: entryId } : { end: { not: null } }) },
    orderBy: { start: "desc" },
    select: entrySelect,
  });
  if (!last)
    throw new AppError("NOT_FOUND", entryId ? "That entry does not exist." : "There is no entry to resume yet.");
  const e = toEntryDto(last);
  return startTimer(
    actor,
    {
      projectId: e.projectId,
      taskId: e.taskId,
      notes: e.notes,
      tags: e.tags,
      billable: e.billable,
    },
    opts,
  );
}

/**
 * The idle dialog's answer. keep: nothing changes. stop_at_last_activity: the entry ends when
 * input stopped. discard_idle: same, and a new entry for the same work starts now, so only the
 * idle gap is dropped.
 */
export async function resolveIdle(actor: Actor, input: TResolveIdle): Promise<EntryDto | null> {
  const { action, lastActivityAt } = ZResolveIdle.parse(input);
  const running = await getRunningEntry(actor);
  if (!running) return null;
  const idleMinutes = Math.max(0, Math.round((Date.now() - lastActivityAt.getTime()) / 60000));
  track("timer.idle_detected", { idle_minutes: idleMinutes, action }, { userId: actor.id });
  if (action === "keep") return running;
  const at =
    lastActivityAt.getTime() <= running.start.getTime() ? new Date(running.start.getTime() + 1000) : lastActivityAt;
  await stopTimer(actor, { at });
  if (action === "stop_at_last_activity") return null;
  return startTimer(actor, {
    projectId: running.projectId,
    taskId: running.taskId,
    notes: running.notes,
    tags: running.tags,
    billable: running.billable,
  });
}
