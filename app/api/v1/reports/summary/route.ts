// GET /api/v1/reports/summary?from&to&group1&group2&…filters: the summary report as JSON, with the
// report page's filters (lib/validation/reports.ts). Users see their own time; admins everyone's.
import { json, jsonRoute } from "@/lib/api/json-route";
import { requireUser } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { summaryReport } from "@/lib/services/reports";
import { paramsToObject } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = jsonRoute("/api/v1/reports/summary", async (req: Request) => {
  const user = await requireUser();
  const tz = await timezoneOf(user.id);
  return json(await summaryReport(user, paramsToObject(new URL(req.url).searchParams), tz));
});
