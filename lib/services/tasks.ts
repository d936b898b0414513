// Tasks: any signed-in user may create, edit and move tasks; the creator or an admin may delete.
// Moving to in_progress stamps startedAt once; done/cancelled stamp completedAt (cleared on reopen).
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZTask, ZTaskStatus, type TTask, type TTaskStatus } from "@/lib/validation/tasks";
import { isAdmin, type Actor } from "./actor";

export interface TaskDto {
  id: string;
  projectId: string;
  projectName: string;
  projectColor: string;
  name: string;
  description: string;
  status: TTaskStatus;
  priority: "low" | "medium" | "high" | "urgent";
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
} as const;

type Row = Omit<TaskDto, "projectName" | "projectColor" | "assigneeName" | "dueDate"> & {
  dueDate: Date | null;
  project: { name: string; color: string };
  assignee: { username: string } | null;
};

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

export async function listTasks(filter: TaskFilter = {}): Promise<TaskDto[]> {
  const rows = await db().task.findMany({
    where: {
      ...(filter.projectId ? { projectId: filter.projectId } : {}),
      ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
      ...(filter.overdueBefore ? { dueDate: { lt: new Date(`${filter.overdueBefore}T00:00:00Z`) } } : {}),
      ...(filter.overdueBefore || filter.openOnly ? { status: { notIn: ["done", "cancelled"] as TTaskStatus[] } } : {}),
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 500,
    select,
  });
  return rows.map(toDto);
}

export async function getTask(id: string): Promise<TaskDto> {
  const row = await db().task.findUnique({ where: { id }, select });
  if (!row) throw new AppError("NOT_FOUND", "That task does not exist.");
  return toDto(row);
}

function stamps(old: TTaskStatus | null, next: TTaskStatus, startedAt: Date | null) {
  if (old === next) return {};
  const now = new Date();
  return {
    startedAt: next === "in_progress" && !startedAt ? now : undefined,
    completedAt: next === "done" || next === "cancelled" ? now : null,
  };
}

async function toData(input: TTask) {
  const data = ZTask.parse(input);
  const project = await db().project.findUnique({ where: { id: data.projectId }, select: { id: true } });
  if (!project) throw new AppError("VALIDATION", "Choose a project.", { projectId: ["Choose a project."] });
  if (data.assigneeId) {
    const u = await db().user.findFirst({ where: { id: data.assigneeId, active: true }, select: { id: true } });
    if (!u) throw new AppError("VALIDATION", "Choose an active user.", { assigneeId: ["Choose an active user."] });
  }
  return { ...data, dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null };
}

export async function createTask(actor: Actor, input: TTask): Promise<TaskDto> {
  const data = await toData(input);
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

export async function updateTask(actor: Actor, id: string, input: TTask): Promise<TaskDto> {
  const old = await getTask(id);
  const data = await toData(input);
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

export async function setTaskStatus(actor: Actor, id: string, status: TTaskStatus): Promise<TaskDto> {
  const next = ZTaskStatus.parse(status);
  const old = await getTask(id);
  if (old.status === next) return old;
  const row = await db().task.update({
    where: { id },
    data: { status: next, ...stamps(old.status, next, old.startedAt) },
    select,
  });
  track("task.status_changed", { task_id: id, old_status: old.status, new_status: next }, { userId: actor.id });
  return toDto(row);
}

export async function deleteTask(actor: Actor, id: string): Promise<void> {
  const task = await getTask(id);
  if (task.createdById !== actor.id && !isAdmin(actor)) {
    throw new AppError("FORBIDDEN", "Only the task's creator or an administrator can delete it.");
  }
  // Entries keep their time; they lose only the link to the task (ON DELETE SET NULL).
  await db().task.delete({ where: { id } });
  track("task.deleted", { task_id: id }, { userId: actor.id });
}
