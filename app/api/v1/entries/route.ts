// POST /api/v1/entries: adds one time entry for the signed-in user (session cookie), as JSON
// { projectId, date: "YYYY-MM-DD", duration | startTime+endTime, taskId?, notes?, tags?, billable? }.
// 201 { id, overlaps } on success; 400/401/403/404/409 with { error: { code, message } } otherwise.
import { json, jsonRoute, readJson } from "@/lib/api/json-route";
import { requireUser } from "@/lib/auth/session";
import { createManualEntry } from "@/lib/services/entries";
import { ZManualEntry } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = jsonRoute("/api/v1/entries", async (req: Request) => {
  const user = await requireUser();
  const input = ZManualEntry.parse(await readJson(req));
  const e = await createManualEntry(user, input);
  return json({ id: e.id, overlaps: e.overlaps }, 201);
});
