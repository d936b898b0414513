// Tasks: any signed-in user may create, edit and move tasks; the creator or an admin may delete.
// Moving to in_progress stamps startedAt once; done/cancelled stamp completedAt (cleared on reopen).
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import {
  CLOSED_STATUSES,
  ZTask,
  ZTaskMove,
  ZTaskUpdate,
  type TTask,
  type TTaskMove,
  type TTaskPriority,
  type TTaskStatus,
  type TTaskUpdate,
} from "@/lib/validation/tasks";
import { isAdmin, type Actor } from "./actor";

export interface TaskDto {
  id: string;
  projectId: string;
  projectName: string;
  projectColor: string;
  name: string;
  description: string;
  status: TTaskStatus;
  priority: TTaskPriority;
  estimatedMinutes: number | null;
  dueDate: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  createdById: string;
  startedAt: Date | null;
  completedAt: Date | null;
}

const select = {
  id: true,
  projectId: true,
  name: true,
  description: true,
  status: true,
  priority: true,
  estimatedMinutes: true,
  dueDate: true,
  assigneeId: true,
  createdById: true,
  startedAt: true,
  completedAt: true,
  project: { select: { name: true, color: true } },
  assignee: { select: { username: true } },
} as const satisfies Prisma.TaskSelect;

type Row = Prisma.TaskGetPayload<{ select: typeof select }>;

function toDto({ project, assignee, dueDate, ...r }: Row): TaskDto {
  return {
    ...r,
    // Total: a stored day the driver could not read (Invalid Date) is shown as no due date.
    dueDate: dueDate && Number.isFinite(dueDate.getTime()) ? dueDate.toISOString().slice(0, 10) : null,
    projectName: project.name,
    projectColor: project.color,
    assigneeName: assignee?.username ?? null,
  };
}

export interface TaskFilter {
  projectId?: string;
  assigneeId?: string;
  /** Due before this day (YYYY-MM-DD) and not done or cancelled. */
  overdueBefore?: string;
  openOnly?: boolean;
}

// Reads take the actor like writes: tasks are open to every member today.
export async function listTasks(_actor: Actor, filter: TaskFilter = {}): Promise<TaskDto[]> {
  const rows = await db().task.findMany({
    where: {
      ...(filter.projectId ? { projectId: filter.projectId } : {}),
      ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
      ...(filter.overdueBefore ? { dueDate: { lt: new Date(`${filter.overdueBefore}T00:00:00Z`) } } : {}),
      ...(filter.overdueBefore || filter.openOnly ? { status: { notIn: [...CLOSED_STATUSES] } } : {}),
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 500,
    select,
  });
  return rows.map(toDto);
}

export async function getTask(_actor: Actor, id: string): Promise<TaskDto> {
  const row = await db().task.findUnique({ where: { id }, select });
  if (!row) throw new AppError("NOT_FOUND", "That task does not exist.");
  return toDto(row);
}

function stamps(old: TTaskStatus | null, next: TTaskStatus, startedAt: Date | null) {
  if (old === next) return {};
  const now = new Date();
  return {
    startedAt: next === "in_progress" && !startedAt ? now : undefined,
    completedAt: CLOSED_STATUSES.includes(next) ? now : null,
  };
}

async function toData(data: ReturnType<typeof ZTask.parse>) {
  const project = await db().project.findUnique({ where: { id: data.projectId }, select: { id: true } });
  if (!project) throw new AppError("VALIDATION", "Choose a project.", { projectId: ["Choose a project."] });
  if (data.assigneeId) {
    const u = await db().user.findFirst({ where: { id: data.assigneeId, active: true }, select: { id: true } });
    if (!u) throw new AppError("VALIDATION", "Choose an active user.", { assigneeId: ["Choose an active user."] });
  }
  return { ...data, dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null };
}

export async function createTask(actor: Actor, input: TTask): Promise<TaskDto> {
  const data = await toData(ZTask.parse(input));
  const row = await db().task.create({
    data: { ...data, createdById: actor.id, ...stamps(null, data.status, null) },
    select,
  });
  track(
    "task.created",
    { task_id: row.id, project_id: row.projectId, has_due_date: row.dueDate !== null, priority: row.priority },
    { userId: actor.id },
  );
  return toDto(row);
}

export async function updateTask(actor: Actor, input: TTaskUpdate): Promise<TaskDto> {
  const { id, ...fields } = ZTaskUpdate.parse(input);
  const old = await getTask(actor, id);
  const data = await toData(fields);
  const row = await db().task.update({
    where: { id },
    data: { ...data, ...stamps(old.status, data.status, old.startedAt) },
    select,
  });
  track("task.updated", { task_id: id }, { userId: actor.id });
  if (old.status !== row.status) {
    track("task.status_changed", { task_id: id, old_status: old.status, new_status: row.status }, { userId: actor.id });
  }
  return toDto(row);
}

export async function setTaskStatus(actor: Actor, input: TTaskMove): Promise<TaskDto> {
  const { id, status: next } = ZTaskMove.parse(input);
  const old = await getTask(actor, id);
  if (old.status === next) return old;
  const row = await db().task.update({
    where: { id },
    data: { status: next, ...stamps(old.status, next, old.startedAt) },
    select,
  });
  track("task.status_changed", { task_id: id, old_status: old.status, new_status: next }, { userId: actor.id });
  return toDto(row);
}

export async function deleteTask(actor: Actor, input: TById): Promise<void> {
  const { id } = ZById.parse(input);
  const task = await getTask(actor, id);
  if (task.createdById !== actor.id && !isAdmin(actor)) {
    throw new AppError("FORBIDDEN", "Only the task's creator or an administrator can delete it.");
  }
  // Entries keep their time; they lose only the link to the task (ON DELETE SET NULL).
  await db().task.delete({ where: { id } });
  track("task.deleted", { task_id: id }, { userId: actor.id });
}
