// /api/v1/timer: the caller's timer. GET the running entry, POST to start one, DELETE to stop it.
// Token scopes: timer:write (GET also entries:read). Errors as problem details (docs/api.md).
import { json, apiRoute, readJson } from "@/lib/api/json-route";
import { getRunningEntry, startTimer, stopTimer } from "@/lib/services/timer";
import { ZStartTimer } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** 200 { running: Entry | null } */
export const GET = apiRoute("/api/v1/timer", ["timer:write", "entries:read"], async (_req, { actor }) => {
  return json({ running: await getRunningEntry(actor) });
});

/** { projectId, taskId?, notes?, tags?, billable? } → 201 { entry }; 409 when a timer already runs. */
export const POST = apiRoute("/api/v1/timer", ["timer:write"], async (req, { actor }) => {
  const input = ZStartTimer.strict().parse(await readJson(req));
  return json({ entry: await startTimer(actor, input) }, 201);
});

/** 200 { stopped: Entry | null } (null when nothing was running: stopping twice is harmless). */
export const DELETE = apiRoute("/api/v1/timer", ["timer:write"], async (_req, { actor }) => {
  return json({ stopped: await stopTimer(actor) });
});
