// /api/v1/invoices/:id (invoices:read, administrators): one invoice or credit note with its lines,
// tax breakdown and payments.
import { apiRoute, json } from "@/lib/api/json-route";
import { pathId, type IdCtx } from "@/lib/api/resource";
import { apiInvoice } from "@/lib/api/shapes";
import { getInvoice } from "@/lib/services/invoice-queries";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/invoices/[id]", ["invoices:read"], async (_req, { actor }, ctx: IdCtx) => {
  return json({ data: apiInvoice(await getInvoice(actor, await pathId(ctx))) });
});
