// GET /api/v1/reports/summary?from&to&group1&group2&…filters: the summary report as JSON, with the
// report page's filters (lib/validation/reports.ts). Users see their own time; admins everyone's.
// Scope: reports:read.
import { json, apiRoute } from "@/lib/api/json-route";
import { timezoneOf } from "@/lib/services/entry-input";
import { summaryReport } from "@/lib/services/reports";
import { paramsToObject } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/reports/summary", ["reports:read"], async (req, { actor }) => {
  const tz = await timezoneOf(actor.id);
  return json(await summaryReport(actor, paramsToObject(new URL(req.url).searchParams), tz));
});
