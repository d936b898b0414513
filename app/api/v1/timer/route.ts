// /api/v1/timer: the signed-in user's timer as JSON. GET the running entry, POST to start one,
// DELETE to stop it. Session cookie auth; errors as { error: { code, message } } (docs/api.md).
import { json, jsonRoute, readJson } from "@/lib/api/json-route";
import { requireUser } from "@/lib/auth/session";
import { getRunningEntry, startTimer, stopTimer } from "@/lib/services/timer";
import { ZStartTimer } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** 200 { running: Entry | null } */
export const GET = jsonRoute("/api/v1/timer", async () => {
  const user = await requireUser();
  return json({ running: await getRunningEntry(user) });
});

/** { projectId, taskId?, notes?, tags?, billable? } → 201 { entry }; 409 when a timer already runs. */
export const POST = jsonRoute("/api/v1/timer", async (req: Request) => {
  const user = await requireUser();
  const input = ZStartTimer.parse(await readJson(req));
  return json({ entry: await startTimer(user, input) }, 201);
});

/** 200 { stopped: Entry | null } (null when nothing was running: stopping twice is harmless). */
export const DELETE = jsonRoute("/api/v1/timer", async () => {
  const user = await requireUser();
  return json({ stopped: await stopTimer(user) });
});
