// /api/v1/tags/:id: GET one (tags:read); PATCH { name } (tags:write); DELETE (tags:write,
// administrators only: the tag leaves everyone's entries) → 204.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { mergePatch, pathId, type IdCtx } from "@/lib/api/resource";
import { deleteTag, getTag, renameTag } from "@/lib/services/tag-catalog";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const apiTag = (t: { id: string; name: string; createdAt: Date }) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
});

export const GET = apiRoute("/api/v1/tags/[id]", ["tags:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: apiTag(await getTag(actor, await pathId(ctx))) });
});

export const PATCH = apiRoute("/api/v1/tags/[id]", ["tags:write"], async (req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const t = await getTag(actor, id);
  const next = mergePatch({ name: t.name }, await readJson(req), ["name"]);
  return json({ data: apiTag(await renameTag(actor, { ...next, id })) });
});

export const DELETE = apiRoute("/api/v1/tags/[id]", ["tags:write"], async (_req, { actor }, ctx: IdCtx) => {
  await deleteTag(actor, { id: await pathId(ctx) });
  return new Response(null, { status: 204 });
});
