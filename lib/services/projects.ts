// Projects: any signed-in user may create, edit and archive; only admins delete (and only when no
// time was tracked on them). Archived projects leave the pickers but stay in reports.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZArchive, ZById, type TArchive, type TById } from "@/lib/validation/common";
import { ZProject, ZProjectUpdate, type TProject, type TProjectUpdate } from "@/lib/validation/projects";
import { assertAdmin, type Actor } from "./actor";
import { withUniqueName } from "./catalog";
import { canSeeMoney } from "./settings";
import { enqueueWebhookEvent, projectWebhookData } from "./webhook-outbox";

export interface ProjectDto {
  id: string;
  clientId: string;
  clientName: string;
  name: string;
  description: string;
  color: string;
  billable: boolean;
  hourlyRateCents: number | null;
  /** The rate that applies: the project's, else the client's default, else null. */
  effectiveRateCents: number | null;
  billingReference: string;
  estimatedMinutes: number | null;
  budgetCents: number | null;
  budgetAlertPercent: number;
  archived: boolean;
  clientArchived: boolean;
}

const select = {
  id: true,
  clientId: true,
  name: true,
  description: true,
  color: true,
  billable: true,
  hourlyRateCents: true,
  billingReference: true,
  estimatedMinutes: true,
  budgetCents: true,
  budgetAlertPercent: true,
  archived: true,
  client: { select: { name: true, archived: true, defaultHourlyRateCents: true } },
} as const;

type Row = Omit<ProjectDto, "clientName" | "effectiveRateCents" | "clientArchived"> & {
  client: { name: string; archived: boolean; defaultHourlyRateCents: number | null };
};

/** `money` false (a member without "members see money"): rates and budget are null. */
function toDto({ client, ...r }: Row, money = true): ProjectDto {
  const dto = {
    ...r,
    clientName: client.name,
    clientArchived: client.archived,
    effectiveRateCents: r.hourlyRateCents ?? client.defaultHourlyRateCents,
  };
  return money ? dto : { ...dto, hourlyRateCents: null, effectiveRateCents: null, budgetCents: null };
}

/** A caller who cannot see money cannot change it either: those fields are left as they are. */
function withoutMoney<T extends { hourlyRateCents?: unknown; budgetCents?: unknown }>(data: T): T {
  const { hourlyRateCents: _r, budgetCents: _b, ...rest } = data;
  return rest as T;
}

const DUPLICATE = "This client already has a project with that name.";

/** Active projects for pickers, or all of them for management pages. */
export async function listProjects(
  actor: Actor,
  opts: { includeArchived?: boolean; clientId?: string } = {},
): Promise<ProjectDto[]> {
  const rows = await db().project.findMany({
    where: {
      ...(opts.includeArchived ? {} : { archived: false, client: { archived: false } }),
      ...(opts.clientId ? { clientId: opts.clientId } : {}),
    },
    orderBy: [{ archived: "asc" }, { client: { name: "asc" } }, { name: "asc" }],
    select,
  });
  const money = await canSeeMoney(actor);
  return rows.map((r) => toDto(r, money));
}

export async function getProject(actor: Actor, id: string): Promise<ProjectDto> {
  const row = await db().project.findUnique({ where: { id }, select });
  if (!row) throw new AppError("NOT_FOUND", "That project does not exist.");
  return toDto(row, await canSeeMoney(actor));
}

/** For tracking time: no project at all is fine ("start first, details later"); a task alone
 * means its own project; a project must exist and be active; a task must belong to it. */
export async function assertTrackable(
  projectId: string | null,
  taskId: string | null,
): Promise<{ project: ProjectDto | null; taskId: string | null }> {
  if (!projectId && taskId) {
    const task = await db().task.findUnique({ where: { id: taskId }, select: { projectId: true } });
    if (!task) throw new AppError("VALIDATION", "That task does not exist.", { taskId: ["Choose an existing task."] });
    projectId = task.projectId;
  }
  if (!projectId) return { project: null, taskId: null };
  const row = await db().project.findUnique({ where: { id: projectId }, select });
  if (!row || row.archived || row.client.archived) {
    throw new AppError("VALIDATION", "Choose an active project.", { projectId: ["Choose an active project."] });
  }
  if (taskId) {
    const task = await db().task.findFirst({ where: { id: taskId, projectId }, select: { id: true } });
    if (!task)
      throw new AppError("VALIDATION", "That task belongs to another project.", {
        taskId: ["Choose a task of this project."],
      });
  }
  return { project: toDto(row), taskId };
}

async function assertClient(clientId: string): Promise<void> {
  const c = await db().client.findUnique({ where: { id: clientId }, select: { archived: true } });
  if (!c) throw new AppError("VALIDATION", "Choose a client.", { clientId: ["Choose a client."] });
}

export async function createProject(actor: Actor, input: TProject): Promise<ProjectDto> {
  const money = await canSeeMoney(actor);
  const parsed = ZProject.parse(input);
  const data = money ? parsed : withoutMoney(parsed);
  await assertClient(data.clientId);
  const row = await withUniqueName(DUPLICATE, () =>
    db().$transaction(async (tx) => {
      const created = await tx.project.create({ data, select });
      await enqueueWebhookEvent(tx, "project.created", "members", projectWebhookData(created));
      return created;
    }),
  );
  track(
    "project.created",
    { project_id: row.id, client_id: row.clientId, billable: row.billable, has_budget: row.budgetCents !== null },
    { userId: actor.id },
  );
  return toDto(row, money);
}

export async function updateProject(actor: Actor, input: TProjectUpdate): Promise<ProjectDto> {
  const { id, ...parsed } = ZProjectUpdate.parse(input);
  const money = await canSeeMoney(actor);
  const data = money ? parsed : withoutMoney(parsed);
  await getProject(actor, id);
  await assertClient(data.clientId);
  const row = await withUniqueName(DUPLICATE, () =>
    db().$transaction(async (tx) => {
      const updated = await tx.project.update({ where: { id }, data, select });
      await enqueueWebhookEvent(tx, "project.updated", "members", projectWebhookData(updated));
      return updated;
    }),
  );
  track("project.updated", { project_id: id }, { userId: actor.id });
  return toDto(row, money);
}

export async function setProjectArchived(actor: Actor, input: TArchive): Promise<void> {
  const { id, archived } = ZArchive.parse(input);
  await getProject(actor, id);
  await db().$transaction(async (tx) => {
    const p = await tx.project.update({ where: { id }, data: { archived }, select });
    await enqueueWebhookEvent(tx, "project.archived", "members", projectWebhookData(p));
  });
  track("project.archived", { project_id: id, archived }, { userId: actor.id });
}

export async function deleteProject(actor: Actor, input: TById): Promise<void> {
  assertAdmin(actor, "delete projects");
  const { id } = ZById.parse(input);
  await getProject(actor, id);
  const used = await db().timeEntry.count({ where: { projectId: id } });
  if (used > 0)
    throw new AppError("CONFLICT", "Time was tracked on this project. Archive it instead, so reports keep it.");
  if (await db().expense.count({ where: { projectId: id } }))
    throw new AppError("CONFLICT", "Expenses were recorded on this project. Archive it instead, so they are kept.");
  await db().project.delete({ where: { id } });
  track("project.deleted", { project_id: id }, { userId: actor.id });
}
