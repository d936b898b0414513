// Invoicing's part of the event catalog (spread into EVENTS in events.ts). Ids, levels, counts and
// amount bands only: never client names, line texts or exact amounts.
import { z } from "zod";

const id = z.uuid();
const count = z.number().int().min(0);

/** Order of magnitude of an amount in major units: what analytics may know about money. */
export const AMOUNT_BANDS = ["0", "<100", "100-1k", "1k-10k", "10k-100k", ">=100k"] as const;
export type AmountBand = (typeof AMOUNT_BANDS)[number];

export function amountBand(minor: number, minorDigits: number): AmountBand {
  const major = Math.abs(minor) / 10 ** minorDigits;
  if (major === 0) return "0";
  if (major < 100) return "<100";
  if (major < 1_000) return "100-1k";
  if (major < 10_000) return "1k-10k";
  if (major < 100_000) return "10k-100k";
  return ">=100k";
}

const band = z.enum(AMOUNT_BANDS);
const rateLevel = z.enum(["project_member", "project", "member", "client", "organization"]);

export const INVOICING_EVENTS = {
  "rate.created": {
    description: "An admin added an hourly rate (effective from a day) at one level of the hierarchy.",
    props: z.object({ rate_id: id, level: rateLevel }),
  },
  "rate.deleted": { description: "An admin removed an hourly rate.", props: z.object({ rate_id: id }) },
  "invoice.created": {
    description: "A draft invoice was created from unbilled time, expenses and/or manual lines.",
    props: z.object({
      invoice_id: id,
      client_id: id,
      num_lines: count,
      num_entries: count,
      num_expenses: count,
      group_by: z.enum(["project", "task", "person", "day", "entry"]),
      amount_band: band,
    }),
  },
  "invoice.issued": {
    description: "A draft was issued: numbered, frozen, its entries locked.",
    props: z.object({ invoice_id: id, amount_band: band }),
  },
  "invoice.payment_recorded": {
    description: "A payment was recorded against an issued invoice (partial or full).",
    props: z.object({ invoice_id: id, amount_band: band, fully_paid: z.boolean() }),
  },
  "invoice.paid": {
    description: "An invoice became fully paid.",
    props: z.object({ invoice_id: id, amount_band: band, num_payments: count }),
  },
  "invoice.cancelled": {
    description: "An issued invoice was cancelled with a credit note; its entries are billable again.",
    props: z.object({ invoice_id: id, credit_note_id: id, num_entries: count }),
  },
  "invoice.logo_set": {
    description: "An admin uploaded (or replaced) the organization's logo printed on invoices.",
    props: z.object({ file_type: z.enum(["png", "jpeg"]) }),
  },
  "invoice.logo_removed": { description: "An admin removed the invoice logo.", props: z.object({}) },
  "invoice.exchange_rate_set": {
    description: "An admin set or cleared a draft's manual exchange rate to the home currency.",
    props: z.object({ invoice_id: id, has_rate: z.boolean() }),
  },
  "invoice.draft_deleted": {
    description: "A draft invoice was deleted; its entries are billable again.",
    props: z.object({ invoice_id: id, num_entries: count }),
  },
} as const;
