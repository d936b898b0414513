// /api/v1/tasks: GET ?ids&project_ids&cursor&limit (tasks:read) → { data, nextCursor }; POST a task
// (tasks:write) → 201 { data }. Estimates in hours; due dates as YYYY-MM-DD.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { bodyObject, pageOf } from "@/lib/api/resource";
import { apiTask, taskInput } from "@/lib/api/shapes";
import { createTask, listTasks } from "@/lib/services/tasks";
import { ZCatalogQuery, queryObject } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/tasks", ["tasks:read"], async (req, { actor }) => {
  const q = ZCatalogQuery.omit({ archived: true, client_ids: true }).parse(queryObject(req.url));
  const projects = q.project_ids ? new Set(q.project_ids) : null;
  const rows = (await listTasks(actor)).filter((t) => !projects || projects.has(t.projectId));
  const page = pageOf(rows, q);
  return json({ data: page.data.map(apiTask), nextCursor: page.nextCursor });
});

export const POST = apiRoute("/api/v1/tasks", ["tasks:write"], async (req, { actor }) => {
  const body = bodyObject(await readJson(req));
  return json({ data: apiTask(await createTask(actor, taskInput(body))) }, 201);
});
