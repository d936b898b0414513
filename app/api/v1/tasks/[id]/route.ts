// /api/v1/tasks/:id: GET one (tasks:read); PATCH the fields sent (tasks:write); DELETE (tasks:write;
// the task's creator or an administrator) → 204. Entries keep their time when a task goes.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { mergePatch, pathId, type IdCtx } from "@/lib/api/resource";
import { apiTask, taskInput } from "@/lib/api/shapes";
import { deleteTask, getTask, updateTask } from "@/lib/services/tasks";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const KEYS = [
  "projectId",
  "name",
  "description",
  "status",
  "priority",
  "estimatedHours",
  "dueDate",
  "assigneeId",
] as const;

export const GET = apiRoute("/api/v1/tasks/[id]", ["tasks:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: apiTask(await getTask(actor, await pathId(ctx))) });
});

export const PATCH = apiRoute("/api/v1/tasks/[id]", ["tasks:write"], async (req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const t = apiTask(await getTask(actor, id));
  const current = {
    projectId: t.projectId,
    name: t.name,
    description: t.description,
    status: t.status,
    priority: t.priority,
    estimatedHours: t.estimatedHours,
    dueDate: t.dueDate,
    assigneeId: t.assigneeId,
  };
  const next = mergePatch(current, await readJson(req), KEYS);
  return json({ data: apiTask(await updateTask(actor, { ...taskInput(next), id })) });
});

export const DELETE = apiRoute("/api/v1/tasks/[id]", ["tasks:write"], async (_req, { actor }, ctx: IdCtx) => {
  await deleteTask(actor, { id: await pathId(ctx) });
  return new Response(null, { status: 204 });
});
