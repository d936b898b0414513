// PATCH /api/v1/entries/:id: edits one of the caller's entries. The body holds only the fields to
// change (same names as POST /api/v1/entries); the rest keep their current values.
// 200 { entry, overlaps }; someone else's entry is 404, exactly like a missing one. Scope: entries:write.
import { json, apiRoute, readJson } from "@/lib/api/json-route";
import { entryPatchInput } from "@/lib/api/entry-patch";
import { updateEntry } from "@/lib/services/entries";
import { ZId } from "@/lib/validation/common";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = apiRoute("/api/v1/entries/[id]", ["entries:write"], async (req, { actor }, ctx: Ctx) => {
  const id = ZId.parse((await ctx.params).id);
  const input = await entryPatchInput(actor, id, await readJson(req));
  const { overlaps, ...entry } = await updateEntry(actor, { ...input, id });
  return json({ entry, overlaps });
});
