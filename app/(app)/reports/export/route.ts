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
  // Sent uncompressed: Next's gzip (zlib's default level) made a 1M-row download three times slower
  // than the database, and Next drops a route's own Content-Encoding (a gzip of ours went out gzipped
  // twice). `no-transform` makes Next's compression pass the body through; a reverse proxy may still
  // compress (docs/deployment.md).
  return new Response(await exportEntriesCsv(user, parsed.data, tz), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${downloadName("timetracker-entries", "csv", new Date(), tz)}"`,
      "cache-control": "no-store, no-transform",
    },
  });
});
