// /api/v1/tags: the shared tag vocabulary. GET ?ids&cursor&limit (tags:read) → { data, nextCursor };
// POST { name } (tags:write) → 201 { data }.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { pageOf } from "@/lib/api/resource";
import { createTag, listTagCatalog, type TagDto } from "@/lib/services/tag-catalog";
import { ZCatalogQuery, queryObject } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const apiTag = (t: TagDto) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString() });

export const GET = apiRoute("/api/v1/tags", ["tags:read"], async (req, { actor }) => {
  const q = ZCatalogQuery.pick({ ids: true, cursor: true, limit: true }).parse(queryObject(req.url));
  const page = pageOf(await listTagCatalog(actor), q);
  return json({ data: page.data.map(apiTag), nextCursor: page.nextCursor });
});

export const POST = apiRoute("/api/v1/tags", ["tags:write"], async (req, { actor }) => {
  const tag = await createTag(actor, (await readJson(req)) as { name: string });
  return json({ data: apiTag(tag) }, 201);
});
