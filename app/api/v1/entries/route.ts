// /api/v1/entries: GET the caller's time entries (admins: anyone's with user_ids), newest first,
// filtered by ids, project_ids, task_ids, client_ids, from/to (RFC 3339, on the start) and
// billable, a page at a time (cursor, limit ≤ 500) → { data, nextCursor } (entries:read).
// POST one entry { projectId, date: "YYYY-MM-DD", duration | startTime+endTime, taskId?, notes?,
// tags?, billable? } → 201 { id, overlaps } (entries:write).
import { json, apiRoute, readJson } from "@/lib/api/json-route";
import { addManualEntry } from "@/lib/services/entries";
import { queryEntries } from "@/lib/services/entry-query";
import { queryObject } from "@/lib/validation/api";
import { ZManualEntry } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/entries", ["entries:read"], async (req, { actor }) => {
  return json(await queryEntries(actor, queryObject(req.url)));
});

export const POST = apiRoute("/api/v1/entries", ["entries:write"], async (req, { actor }) => {
  const input = ZManualEntry.parse(await readJson(req));
  const e = await addManualEntry(actor, input);
  return json({ id: e.id, overlaps: e.overlaps }, 201);
});
