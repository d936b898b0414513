// POST /api/v1/timer/switch: stops whatever runs and starts a new timer, in one transaction
// (timer:write). Body as POST /api/v1/timer → 201 { stopped: Entry | null, started: Entry }.
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { switchTimer } from "@/lib/services/timer";
import { ZStartTimer } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = apiRoute("/api/v1/timer/switch", ["timer:write"], async (req, { actor }) => {
  return json(await switchTimer(actor, ZStartTimer.strict().parse(await readJson(req))), 201);
});
