// GET /reports/export?<filters>: the detailed report as a streamed CSV (viewer's zone, org delimiter).
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/session";
import { downloadName } from "@/lib/format";
import { withRoute } from "@/lib/observability/with-route";
import { timezoneOf } from "@/lib/services/entry-input";
import { exportEntriesCsv } from "@/lib/services/export";
import { paramsToObject, ZEntryFilters } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRoute("/reports/export", async (req: Request): Promise<Response> => {
  let user;
  try {
    user = await requireUser();
  } catch (err) {
    if (err instanceof AppError) return NextResponse.json({ error: err.message }, { status: 401 });
    throw err;
  }
  const parsed = ZEntryFilters.safeParse(paramsToObject(new URL(req.url).searchParams));
  if (!parsed.success) return NextResponse.json({ error: "Invalid filters." }, { status: 400 });
  const tz = await timezoneOf(user.id);
  // Not gzipped here: Next drops a route's own Content-Encoding and compresses the body again
  // (a gzip inside a gzip), so compression is left to Next (or the reverse proxy).
  return new Response(await exportEntriesCsv(user, parsed.data, tz), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${downloadName("timetracker-entries", "csv", new Date(), tz)}"`,
      "cache-control": "no-store",
    },
  });
});
