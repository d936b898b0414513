// The shape time entries leave the services in; durations are computed here, never taken from clients.
import "server-only";
import type { Prisma } from "@/lib/db";
import type { EntrySource } from "@/lib/db/generated/enums";

export interface EntryDto {
  id: string;
  userId: string;
  username: string;
  /** Null for an entry without a project ("start first, details later"): its client too. */
  projectId: string | null;
  projectName: string | null;
  projectColor: string | null;
  clientId: string | null;
  clientName: string | null;
  taskId: string | null;
  taskName: string | null;
  start: Date;
  end: Date | null;
  /** Whole seconds; for a running entry, up to now. */
  durationSeconds: number;
  notes: string;
  tags: string[];
  billable: boolean;
  source: EntrySource;
  createdAt: Date;
}

export const entrySelect = {
  id: true,
  userId: true,
  projectId: true,
  taskId: true,
  start: true,
  end: true,
  notes: true,
  billable: true,
  source: true,
  createdAt: true,
  user: { select: { username: true } },
  project: { select: { name: true, color: true, clientId: true, client: { select: { name: true } } } },
  task: { select: { name: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const satisfies Prisma.TimeEntrySelect;

/** A row as `entrySelect` loads it. */
export type EntryRow = Prisma.TimeEntryGetPayload<{ select: typeof entrySelect }>;

export function toEntryDto(r: EntryRow, now = new Date()): EntryDto {
  const end = r.end ?? now;
  return {
    id: r.id,
    userId: r.userId,
    username: r.user.username,
    projectId: r.projectId,
    projectName: r.project?.name ?? null,
    projectColor: r.project?.color ?? null,
    clientId: r.project?.clientId ?? null,
    clientName: r.project?.client.name ?? null,
    taskId: r.taskId,
    taskName: r.task?.name ?? null,
    start: r.start,
    end: r.end,
    durationSeconds: Math.max(0, Math.floor((end.getTime() - r.start.getTime()) / 1000)),
    notes: r.notes,
    tags: r.tags.map((t) => t.tag.name).sort(),
    billable: r.billable,
    source: r.source,
    createdAt: r.createdAt,
  };
}
