// POST /api/v1/entries: adds one time entry for the caller, as JSON
// { projectId, date: "YYYY-MM-DD", duration | startTime+endTime, taskId?, notes?, tags?, billable? }.
// 201 { id, overlaps }; problem details otherwise. Token scope: entries:write.
import { json, apiRoute, readJson } from "@/lib/api/json-route";
import { createManualEntry } from "@/lib/services/entries";
import { ZManualEntry } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = apiRoute("/api/v1/entries", ["entries:write"], async (req, { actor }) => {
  const input = ZManualEntry.parse(await readJson(req));
  const e = await createManualEntry(actor, input);
  return json({ id: e.id, overlaps: e.overlaps }, 201);
});
