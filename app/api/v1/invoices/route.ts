// /api/v1/invoices (invoices:read, administrators): invoices and credit notes, filtered by status,
// clients and issue day, in cursor pages → { data, nextCursor }. Amounts as decimal strings in each
// invoice's currency, with the manual exchange rate and the total in the organisation's currency.
import { apiRoute, json } from "@/lib/api/json-route";
import { pageOf } from "@/lib/api/resource";
import { apiInvoiceSummary } from "@/lib/api/shapes";
import { listInvoices } from "@/lib/services/invoice-queries";
import { queryObject, ZApiInvoiceQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = apiRoute("/api/v1/invoices", ["invoices:read"], async (req, { actor }) => {
  const q = ZApiInvoiceQuery.parse(queryObject(req.url));
  const { invoices, home } = await listInvoices(actor, { status: q.status, from: q.from, to: q.to });
  const clients = q.client_ids ? new Set(q.client_ids) : null;
  const page = pageOf(
    invoices.filter((i) => !clients || clients.has(i.clientId)),
    q,
  );
  return json({ data: page.data.map((i) => apiInvoiceSummary(i, home.currency)), nextCursor: page.nextCursor });
});
