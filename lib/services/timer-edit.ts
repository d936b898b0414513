// The timer bar's in-place edits: change the running entry's description, project, task, tags or
// billable flag without touching its start, or discard it (the entry is deleted, nothing is kept).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZRunningUpdate, type TRunningUpdate } from "@/lib/validation/entries";
import type { Actor } from "./actor";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { assertTrackable } from "./projects";
import { setEntryTags } from "./tags";

const NOTHING_RUNNING = "No timer is running any more: it was stopped, perhaps in another tab.";

async function runningOf(userId: string) {
  const row = await db().timeEntry.findFirst({ where: { userId, end: null }, select: entrySelect });
  if (!row) throw new AppError("NOT_FOUND", NOTHING_RUNNING);
  return toEntryDto(row);
}

/** Applies the fields sent to the running entry; a new project without a task clears the task. */
export async function updateRunningEntry(actor: Actor, input: TRunningUpdate): Promise<EntryDto> {
  const data = ZRunningUpdate.parse(input);
  const running = await runningOf(actor.id);
  const touchesProject = data.projectId !== undefined || data.taskId !== undefined;
  const target = touchesProject
    ? await assertTrackable(
        data.projectId === undefined ? running.projectId : data.projectId,
        data.taskId === undefined ? (data.projectId === undefined ? running.taskId : null) : data.taskId,
      )
    : null;
  const entry = await db().$transaction(async (tx) => {
    // Scoped to the actor and still running: a stop in another tab in between is not undone.
    const changed = await tx.timeEntry.updateMany({
      where: { id: running.id, userId: actor.id, end: null },
      data: {
        ...(data.notes !== undefined ? { notes: data.notes } : {}),
        ...(data.billable !== undefined ? { billable: data.billable } : {}),
        ...(target ? { projectId: target.project?.id ?? null, taskId: target.taskId } : {}),
      },
    });
    if (changed.count === 0) throw new AppError("NOT_FOUND", NOTHING_RUNNING);
    if (data.tags !== undefined) await setEntryTags(running.id, data.tags, tx);
    return toEntryDto(await tx.timeEntry.findUniqueOrThrow({ where: { id: running.id }, select: entrySelect }));
  });
  track("entry.updated", { time_entry_id: entry.id }, { userId: actor.id });
  return entry;
}

/** Deletes the running entry (after the user confirmed). Null when nothing was running. */
export async function discardRunningEntry(actor: Actor): Promise<{ id: string } | null> {
  const row = await db().timeEntry.findFirst({ where: { userId: actor.id, end: null }, select: { id: true } });
  if (!row) return null;
  const gone = await db().timeEntry.deleteMany({ where: { id: row.id, userId: actor.id, end: null } });
  if (gone.count === 0) return null;
  track("timer.discarded", { time_entry_id: row.id }, { userId: actor.id });
  return { id: row.id };
}
