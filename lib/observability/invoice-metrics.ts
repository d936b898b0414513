// Invoicing's business counter: invoices created, issued, paid and cancelled (no amounts, no ids).
import "server-only";
import { counter } from "./metrics";

const EVENTS = ["created", "issued", "paid", "cancelled"] as const;
export type InvoiceMetricEvent = (typeof EVENTS)[number];

const invoicesTotal = () =>
  counter("timetracker_invoices_total", "Invoices created (drafts), issued, fully paid and cancelled.", ["event"]);

export function incrementInvoices(event: InvoiceMetricEvent): void {
  invoicesTotal().inc({ event });
}

/** Every label value at 0 from the first scrape. */
export function initializeInvoiceSeries(): void {
  for (const e of EVENTS) invoicesTotal().inc({ event: e }, 0);
}
