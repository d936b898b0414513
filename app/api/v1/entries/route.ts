// POST /api/v1/entries: adds one time entry for the signed-in user (session cookie), as JSON
// { projectId, date: "YYYY-MM-DD", duration | startTime+endTime, taskId?, notes?, tags?, billable? }.
// 201 { id, overlaps } on success; 400/401/403/404/409 with { error: { code, message } } otherwise.
import { toActionError } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ErrorCode } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { createManualEntry } from "@/lib/services/entries";
import { ZManualEntry } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export const POST = withRoute("/api/v1/entries", async (req: Request) => {
  try {
    const user = await requireUser();
    const body: unknown = await req.json().catch(() => null);
    const input = ZManualEntry.parse(body ?? {});
    const e = await createManualEntry(user, input);
    return Response.json({ id: e.id, overlaps: e.overlaps }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (err) {
    const r = toActionError(err, "api.entries.create");
    if (r.ok) throw err;
    return Response.json({ error: r.error, fieldErrors: r.fieldErrors }, { status: STATUS[r.error.code] });
  }
});
