// GET /api/v1/reports/detailed: the detailed report, entry by entry, with the filters and cursor
// pages of GET /api/v1/entries (reports:read). Members see their own time; admins everyone's.
import { apiRoute, json } from "@/lib/api/json-route";
import { queryEntries } from "@/lib/services/entry-query";
import { queryObject } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/reports/detailed", ["reports:read"], async (req, { actor }) => {
  return json(await queryEntries(actor, queryObject(req.url)));
});
