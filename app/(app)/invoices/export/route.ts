// GET /invoices/export?status=&clientId=&from=&to=: the filtered invoice list as CSV (admins).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { downloadName } from "@/lib/format";
import { withRoute } from "@/lib/observability/with-route";
import { timezoneOf } from "@/lib/services/entry-input";
import { exportInvoicesCsv } from "@/lib/services/invoice-queries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRoute("/invoices/export", async (req: Request): Promise<Response> => {
  let user;
  try {
    user = await requireAdmin();
  } catch (err) {
    if (err instanceof AppError) {
      return NextResponse.json({ error: err.message }, { status: err.code === "FORBIDDEN" ? 403 : 401 });
    }
    throw err;
  }
  const csv = await exportInvoicesCsv(user, Object.fromEntries(new URL(req.url).searchParams));
  const name = downloadName("timetracker-invoices", "csv", new Date(), await timezoneOf(user.id));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
