// /api/v1/clients/:id: GET one (clients:read); PATCH the fields sent, `archived` included
// (clients:write); DELETE an unused client (clients:write, administrators only) → 204.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { mergePatch, pathId, type IdCtx } from "@/lib/api/resource";
import { apiClient, clientInput } from "@/lib/api/shapes";
import { deleteClient, getClient, setClientArchived, updateClient } from "@/lib/services/clients";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const KEYS = ["name", "contact", "email", "phone", "address", "defaultHourlyRate", "archived"] as const;

export const GET = apiRoute("/api/v1/clients/[id]", ["clients:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: apiClient(await getClient(actor, await pathId(ctx))) });
});

export const PATCH = apiRoute("/api/v1/clients/[id]", ["clients:write"], async (req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const { id: _id, projectCount: _n, ...current } = apiClient(await getClient(actor, id));
  const { archived, ...next } = mergePatch(current, await readJson(req), KEYS);
  const updated = await updateClient(actor, { ...clientInput(next), id });
  if (archived !== current.archived) await setClientArchived(actor, { id, archived: archived === true });
  return json({ data: apiClient(await getClient(actor, updated.id)) });
});

export const DELETE = apiRoute("/api/v1/clients/[id]", ["clients:write"], async (_req, { actor }, ctx: IdCtx) => {
  await deleteClient(actor, { id: await pathId(ctx) });
  return new Response(null, { status: 204 });
});
