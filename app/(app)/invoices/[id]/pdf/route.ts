// GET /invoices/[id]/pdf: an issued invoice or credit note as a PDF download (admins).
import { NextResponse } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { renderInvoicePdf } from "@/lib/services/invoice-pdf";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export const GET = withRoute(
  "/invoices/[id]/pdf",
  async (_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> => {
    try {
      const user = await requireAdmin();
      const { id } = await ctx.params;
      if (!/^[0-9a-f-]{36}$/i.test(id)) return NextResponse.json({ error: "Not found." }, { status: 404 });
      const { filename, pdf } = await renderInvoicePdf(user, id);
      return new Response(new Uint8Array(pdf), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
          "cache-control": "no-store",
        },
      });
    } catch (err) {
      if (err instanceof AppError && STATUS[err.code]) {
        return NextResponse.json({ error: err.message }, { status: STATUS[err.code] });
      }
      throw err;
    }
  },
);
