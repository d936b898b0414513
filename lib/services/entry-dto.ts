// The shape time entries leave the services in; durations are computed here, never taken from clients.
import "server-only";

export interface EntryDto {
  id: string;
  userId: string;
  username: string;
  projectId: string;
  projectName: string;
  projectColor: string;
  clientId: string;
  clientName: string;
  taskId: string | null;
  taskName: string | null;
  start: Date;
  end: Date | null;
  /** Whole seconds; for a running entry, up to now. */
  durationSeconds: number;
  notes: string;
  tags: string[];
  billable: boolean;
  source: "timer" | "manual" | "bulk" | "import";
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
} as const;

export interface EntryRow {
  id: string;
  userId: string;
  projectId: string;
  taskId: string | null;
  start: Date;
  end: Date | null;
  notes: string;
  billable: boolean;
  source: EntryDto["source"];
  createdAt: Date;
  user: { username: string };
  project: { name: string; color: string; clientId: string; client: { name: string } };
  task: { name: string } | null;
  tags: { tag: { name: string } }[];
}

export function toEntryDto(r: EntryRow, now = new Date()): EntryDto {
  const end = r.end ?? now;
  return {
    id: r.id,
    userId: r.userId,
    username: r.user.username,
    projectId: r.projectId,
    projectName: r.project.name,
    projectColor: r.project.color,
    clientId: r.project.clientId,
    clientName: r.project.client.name,
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
