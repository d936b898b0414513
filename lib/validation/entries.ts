// Timer and entry forms. Durations are typed the forgiving way ("1h 30m", "1:30", "90m", "1.5").
import { z } from "zod";
import { EntrySource } from "@/lib/db/generated/enums";
import {
  ZDateKey,
  ZDuration,
  ZId,
  zIdOf,
  ZNotes,
  ZOptionalCheckbox,
  ZOptionalDateKey,
  ZOptionalDuration,
  ZOptionalId,
  zOptionalIdOf,
  ZTags,
} from "./common";

export { MAX_ENTRY_SECONDS } from "./common";

const ZTime = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "Enter a time such as 09:30.");
const ZOptionalTime = z.preprocess((v) => (v === "" || v == null ? null : v), ZTime.nullable());

export const ZStartTimer = z.object({
  /** Optional: start first, details later. A task alone implies its project. */
  projectId: zOptionalIdOf("a project").default(null),
  taskId: zOptionalIdOf("a task").default(null),
  notes: ZNotes,
  tags: ZTags.default([]),
  /** Undefined = the project's default. */
  billable: ZOptionalCheckbox,
});
export type TStartTimer = z.input<typeof ZStartTimer>;

/** A manual entry: a day plus start/end times, or a start time (default 09:00) and a duration. */
export const ZManualEntry = z.object({
  projectId: zOptionalIdOf("a project").default(null),
  taskId: zOptionalIdOf("a task").default(null),
  date: ZDateKey,
  startTime: ZOptionalTime.default(null),
  endTime: ZOptionalTime.default(null),
  duration: ZOptionalDuration.default(""),
  notes: ZNotes,
  tags: ZTags.default([]),
  billable: ZOptionalCheckbox,
});
export type TManualEntry = z.input<typeof ZManualEntry>;

/** Edit one entry: its id and the manual entry's fields. */
export const ZEntryUpdate = ZManualEntry.extend({ id: ZId });
export type TEntryUpdate = z.input<typeof ZEntryUpdate>;

export const ZBulkEntry = z.object({
  projectId: zOptionalIdOf("a project").default(null),
  taskId: zOptionalIdOf("a task").default(null),
  from: ZDateKey,
  to: ZDateKey,
  startTime: ZOptionalTime.default(null),
  duration: ZDuration,
  skipWeekends: ZOptionalCheckbox,
  notes: ZNotes,
  tags: ZTags.default([]),
  billable: ZOptionalCheckbox,
});
export type TBulkEntry = z.input<typeof ZBulkEntry>;

/** Stop the running timer now or at `at` (idle handling); admins may stop someone else's. */
export const ZStopTimer = z.object({ at: z.coerce.date().optional(), userId: zIdOf("a person").optional() });
export type TStopTimer = z.input<typeof ZStopTimer>;

/** Restart one of your entries, or (no id) the last finished one. */
export const ZRestartEntry = z.object({ id: ZOptionalId.default(null) });
export type TRestartEntry = z.input<typeof ZRestartEntry>;

export const IDLE_ACTIONS = ["keep", "stop_at_last_activity", "discard_idle"] as const;
/** The idle dialog's answer and when input last happened. */
export const ZResolveIdle = z.object({ action: z.enum(IDLE_ACTIONS), lastActivityAt: z.coerce.date() });
export type TResolveIdle = z.input<typeof ZResolveIdle>;

/** Where an entry came from: the database's enum (prisma/schema.prisma). */
export const ZEntrySource = z.enum(EntrySource);
export type TEntrySource = z.infer<typeof ZEntrySource>;

export const MAX_BULK_DAYS = 31;

/** GET /api/v1/week: any day of the wanted week; none = today. */
export const ZWeekQuery = z.object({ date: ZOptionalDateKey.default(null) });

/** PATCH /api/v1/entries/:id: only the fields to change, as in a manual entry. */
export const ZEntryPatch = z.strictObject({
  projectId: z.unknown().optional(),
  taskId: z.unknown().optional(),
  date: z.unknown().optional(),
  startTime: z.unknown().optional(),
  endTime: z.unknown().optional(),
  duration: z.unknown().optional(),
  notes: z.unknown().optional(),
  tags: z.unknown().optional(),
  billable: z.unknown().optional(),
});

/** The most entries one bulk change or one Undo may name (one page of the list holds at most 500). */
export const MAX_BULK_IDS = 500;
export const ZEntryIds = z.object({
  ids: z
    .array(ZId, { message: "Select at least one entry." })
    .min(1, "Select at least one entry.")
    .max(MAX_BULK_IDS, `Select at most ${MAX_BULK_IDS} entries at once.`),
});
export type TEntryIds = z.input<typeof ZEntryIds>;

/** Bulk edit of selected entries: only the fields given change (a new project clears the task
 * unless one of that project is given; tags replace the entries' tags). */
export const ZBulkEntryUpdate = ZEntryIds.extend({
  projectId: zOptionalIdOf("a project").default(null),
  taskId: zOptionalIdOf("a task").default(null),
  tags: ZTags.optional(),
  billable: ZOptionalCheckbox,
});
export type TBulkEntryUpdate = z.input<typeof ZBulkEntryUpdate>;

/** The week grid's typed hours: an entry of that length placed after the day's last entry. */
export const ZGridTime = z.object({
  projectId: zIdOf("a project"),
  taskId: zOptionalIdOf("a task").default(null),
  date: ZDateKey,
  duration: ZDuration,
});
export type TGridTime = z.input<typeof ZGridTime>;

/** Edit the running timer in place (timer bar): only the fields sent change; its start stays. */
export const ZRunningUpdate = z.object({
  // Not ZNotes.optional(): its default("") would fill in a missing field and wipe the description.
  notes: z.string().trim().max(2000, "At most 2000 characters.").optional(),
  /** null: no project (then no task either). */
  projectId: zOptionalIdOf("a project").optional(),
  taskId: zOptionalIdOf("a task").optional(),
  tags: ZTags.optional(),
  billable: z.boolean().optional(),
});
export type TRunningUpdate = z.input<typeof ZRunningUpdate>;
