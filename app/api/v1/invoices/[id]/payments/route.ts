// /api/v1/invoices/:id/payments (invoices:write, administrators): record a payment on an issued
// invoice { date, amount, method } → 201 with the invoice as it is now (partly paid or paid).
import { apiRoute, json, readJson } from "@/lib/api/json-route";
import { bodyObject, pathId, type IdCtx } from "@/lib/api/resource";
import { apiInvoice, paymentInput } from "@/lib/api/shapes";
import { recordPayment } from "@/lib/services/invoice-lifecycle";
import { getInvoice } from "@/lib/services/invoice-queries";
import { getOrgSettings } from "@/lib/services/settings";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = apiRoute(
  "/api/v1/invoices/[id]/payments",
  ["invoices:write"],
  async (req, { actor }, ctx: IdCtx) => {
    const invoiceId = await pathId(ctx);
    await recordPayment(actor, paymentInput(invoiceId, bodyObject(await readJson(req))));
    const [invoice, org] = await Promise.all([getInvoice(actor, invoiceId), getOrgSettings()]);
    return json({ data: apiInvoice(invoice, org.currency) }, 201);
  },
);
