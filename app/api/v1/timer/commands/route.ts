// /api/v1/timer/commands: one timer command with a browser-chosen id (start, switch, stop, resume),
// applied at most once. The command palette, the shortcuts and the offline queue's replay use it.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { applyTimerCommand } from "@/lib/services/timer-commands";
import { ZTimerCommand } from "@/lib/validation/timer-commands";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** { id, kind, at?, projectId?… } → 200 { duplicate, outcome, entryId }; 409 when a timer already runs. */
export const POST = apiRoute("/api/v1/timer/commands", ["timer:write"], async (req, { actor }) => {
  const input = ZTimerCommand.parse(await readJson(req));
  return json(await applyTimerCommand(actor, input));
});
