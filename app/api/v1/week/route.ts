// GET /api/v1/week?date=YYYY-MM-DD: the caller's week (the week view's data) that holds the date
// (default today), in their time zone and the organisation's first weekday. Scope: entries:read.
import { json, apiRoute } from "@/lib/api/json-route";
import { timezoneOf } from "@/lib/services/entry-input";
import { getOrgSettings } from "@/lib/services/settings";
import { dateKey, startOfWeek } from "@/lib/time/tz";
import { weekData } from "@/lib/services/week";
import { ZWeekQuery } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/week", ["entries:read"], async (req, { actor }) => {
  const q = ZWeekQuery.parse({ date: new URL(req.url).searchParams.get("date") });
  const [tz, org] = await Promise.all([timezoneOf(actor.id), getOrgSettings()]);
  const day = q.date ?? dateKey(new Date(), tz);
  return json(await weekData(actor, startOfWeek(day, org.weekStart), tz));
});
