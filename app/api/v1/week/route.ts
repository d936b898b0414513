// GET /api/v1/week?date=YYYY-MM-DD: the signed-in user's week (the week view's data) that holds
// the date (default today), in their time zone and the organisation's first weekday.
import { json, jsonRoute } from "@/lib/api/json-route";
import { requireUser } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { getOrgSettings } from "@/lib/services/settings";
import { dateKey, startOfWeek } from "@/lib/time/tz";
import { weekData } from "@/lib/services/week";
import { ZWeekQuery } from "@/lib/validation/entries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = jsonRoute("/api/v1/week", async (req: Request) => {
  const user = await requireUser();
  const q = ZWeekQuery.parse({ date: new URL(req.url).searchParams.get("date") });
  const [tz, org] = await Promise.all([timezoneOf(user.id), getOrgSettings()]);
  const day = q.date ?? dateKey(new Date(), tz);
  return json(await weekData(user, startOfWeek(day, org.weekStart), tz));
});
