// /api/v1/entries/:id: GET one of the caller's entries (entries:read); PATCH only the fields sent
// (same names as POST /api/v1/entries; the rest keep their values) → { entry, overlaps }; DELETE →
// 204 (entries:write). Someone else's entry is 404, exactly like a missing one (admins: anyone's).
import { json, apiRoute, readJson } from "@/lib/api/json-route";
import { entryPatchInput } from "@/lib/api/entry-patch";
import { pathId, type IdCtx } from "@/lib/api/resource";
import { deleteEntry, getEntry, updateEntry } from "@/lib/services/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/entries/[id]", ["entries:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: await getEntry(actor, await pathId(ctx)) });
});

export const PATCH = apiRoute("/api/v1/entries/[id]", ["entries:write"], async (req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const input = await entryPatchInput(actor, id, await readJson(req));
  const { overlaps, ...entry } = await updateEntry(actor, { ...input, id });
  return json({ entry, overlaps });
});

export const DELETE = apiRoute("/api/v1/entries/[id]", ["entries:write"], async (_req, { actor }, ctx: IdCtx) => {
  await deleteEntry(actor, { id: await pathId(ctx) });
  return new Response(null, { status: 204 });
});
