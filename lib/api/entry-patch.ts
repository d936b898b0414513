// PATCH /api/v1/entries/:id merges the fields sent over the entry's current values, as the edit
// form shows them (day and times in the owner's zone), so updateEntry validates the whole result.
import "server-only";
import { getEntry } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { dateKey, formatTime } from "@/lib/time/tz";
import type { Actor } from "@/lib/services/actor";
import { ZEntryPatch, type TManualEntry } from "@/lib/validation/entries";

export async function entryPatchInput(actor: Actor, id: string, body: unknown): Promise<TManualEntry> {
  const patch = ZEntryPatch.parse(body);
  const e = await getEntry(actor, id);
  const tz = await timezoneOf(e.userId);
  const current = {
    projectId: e.projectId,
    taskId: e.taskId,
    date: dateKey(e.start, tz),
    startTime: formatTime(e.start, tz),
    // A new duration replaces the end time, unless the patch sets both.
    endTime: e.end && patch.duration === undefined ? formatTime(e.end, tz) : null,
    duration: "",
    notes: e.notes,
    tags: e.tags,
    billable: e.billable,
  };
  return { ...current, ...patch } as TManualEntry;
}
