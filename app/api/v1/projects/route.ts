// /api/v1/projects: GET ?ids&client_ids&archived&cursor&limit (projects:read) → { data, nextCursor };
// POST a project (projects:write) → 201 { data }. Money as decimal strings, estimates in hours.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { archivedFilter, bodyObject, pageOf } from "@/lib/api/resource";
import { apiProject, projectInput } from "@/lib/api/shapes";
import { createProject, listProjects } from "@/lib/services/projects";
import { ZCatalogQuery, queryObject } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/projects", ["projects:read"], async (req, { actor }) => {
  const q = ZCatalogQuery.parse(queryObject(req.url));
  const archived = archivedFilter(q);
  const clients = q.client_ids ? new Set(q.client_ids) : null;
  const rows = (await listProjects(actor, { includeArchived: true })).filter(
    (p) => (archived === undefined || p.archived === archived) && (!clients || clients.has(p.clientId)),
  );
  const page = pageOf(rows, q);
  return json({ data: page.data.map(apiProject), nextCursor: page.nextCursor });
});

export const POST = apiRoute("/api/v1/projects", ["projects:write"], async (req, { actor }) => {
  const body = bodyObject(await readJson(req));
  return json({ data: apiProject(await createProject(actor, projectInput(body))) }, 201);
});
