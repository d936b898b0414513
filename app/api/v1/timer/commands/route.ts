// /api/v1/timer/commands: one timer command with a browser-chosen id (start, switch, stop, resume),
// applied at most once. The command palette, the shortcuts and the offline queue's replay use it.
import { json, jsonRoute, readJson } from "@/lib/api/json-route";
import { requireUser } from "@/lib/auth/session";
import { applyTimerCommand } from "@/lib/services/timer-commands";
import { ZTimerCommand } from "@/lib/validation/timer-commands";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { id, kind, at?, projectId?… } → 200 { duplicate, outcome, entryId }; 409 when a timer already runs. */
export const POST = jsonRoute("/api/v1/timer/commands", async (req: Request) => {
  const user = await requireUser();
  const input = ZTimerCommand.parse(await readJson(req));
  return json(await applyTimerCommand(user, input));
});
