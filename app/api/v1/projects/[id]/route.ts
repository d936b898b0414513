// /api/v1/projects/:id: GET one (projects:read); PATCH the fields sent, `archived` included
// (projects:write); DELETE a project nobody tracked time on (administrators only) → 204.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { mergePatch, pathId, type IdCtx } from "@/lib/api/resource";
import { apiProject, projectInput } from "@/lib/api/shapes";
import { deleteProject, getProject, setProjectArchived, updateProject } from "@/lib/services/projects";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const KEYS = [
  "clientId",
  "name",
  "description",
  "color",
  "billable",
  "hourlyRate",
  "billingReference",
  "estimatedHours",
  "budget",
  "budgetAlertPercent",
  "archived",
] as const;

export const GET = apiRoute("/api/v1/projects/[id]", ["projects:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: apiProject(await getProject(actor, await pathId(ctx))) });
});

export const PATCH = apiRoute("/api/v1/projects/[id]", ["projects:write"], async (req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const { id: _id, clientName: _c, effectiveHourlyRate: _r, ...current } = apiProject(await getProject(actor, id));
  const { archived, ...next } = mergePatch(current, await readJson(req), KEYS);
  await updateProject(actor, { ...projectInput(next), id });
  if (archived !== current.archived) await setProjectArchived(actor, { id, archived: archived === true });
  return json({ data: apiProject(await getProject(actor, id)) });
});

export const DELETE = apiRoute("/api/v1/projects/[id]", ["projects:write"], async (_req, { actor }, ctx: IdCtx) => {
  await deleteProject(actor, { id: await pathId(ctx) });
  return new Response(null, { status: 204 });
});
