// PATCH /api/v1/entries/:id: edits one of the signed-in user's entries. The body holds only the
// fields to change (same names as POST /api/v1/entries); the rest keep their current values.
// 200 { entry, overlaps }; someone else's entry is 404, exactly like a missing one.
import { json, jsonRoute, readJson } from "@/lib/api/json-route";
import { entryPatchInput } from "@/lib/api/entry-patch";
import { requireUser } from "@/lib/auth/session";
import { updateEntry } from "@/lib/services/entries";
import { ZId } from "@/lib/validation/common";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = jsonRoute("/api/v1/entries/[id]", async (req: Request, ctx: Ctx) => {
  const user = await requireUser();
  const id = ZId.parse((await ctx.params).id);
  const input = await entryPatchInput(user, id, await readJson(req));
  const { overlaps, ...entry } = await updateEntry(user, { ...input, id });
  return json({ entry, overlaps });
});
