// /api/v1/invoices/:id (invoices:read, administrators): one invoice or credit note with its lines,
// tax breakdown and payments, and its total in the organisation's currency.
import { apiRoute, json } from "@/lib/api/json-route";
import { pathId, type IdCtx } from "@/lib/api/resource";
import { apiInvoice } from "@/lib/api/shapes";
import { getInvoice } from "@/lib/services/invoice-queries";
import { getOrgSettings } from "@/lib/services/settings";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/invoices/[id]", ["invoices:read"], async (_req, { actor }, ctx: IdCtx) => {
  const id = await pathId(ctx);
  const [invoice, org] = await Promise.all([getInvoice(actor, id), getOrgSettings()]);
  return json({ data: apiInvoice(invoice, org.currency) });
});
