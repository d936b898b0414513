// /api/v1/clients: the shared client list. GET ?ids&archived&cursor&limit (clients:read) → { data,
// nextCursor }; POST a client (clients:write) → 201 { data }. Money as decimal strings.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { archivedFilter, bodyObject, pageOf } from "@/lib/api/resource";
import { apiClient, clientInput } from "@/lib/api/shapes";
import { createClient, listClients } from "@/lib/services/clients";
import { ZCatalogQuery, queryObject } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/clients", ["clients:read"], async (req, { actor }) => {
  const q = ZCatalogQuery.parse(queryObject(req.url));
  const archived = archivedFilter(q);
  const rows = await listClients(actor, { includeArchived: archived !== false });
  const page = pageOf(archived === undefined ? rows : rows.filter((r) => r.archived === archived), q);
  return json({ data: page.data.map(apiClient), nextCursor: page.nextCursor });
});

export const POST = apiRoute("/api/v1/clients", ["clients:write"], async (req, { actor }) => {
  const body = bodyObject(await readJson(req));
  return json({ data: apiClient(await createClient(actor, clientInput(body))) }, 201);
});
