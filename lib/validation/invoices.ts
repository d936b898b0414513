// Invoicing forms and service inputs: tax rates, seller settings, drafts from unbilled time, manual
// lines, issue, payments, cancellation and the list's filters. Amounts and quantities arrive as the
// decimal text people type; the services parse them in the invoice's currency (lib/money).
import { z } from "zod";
import { normalizeRate } from "@/lib/money/exchange";
import { ZCheckbox, ZDateKey, ZId, zIdOf, ZOptionalDateKey, zOptionalIdOf } from "./common";
import { EXPENSE_GROUPING } from "./expenses";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default("");
const decimal = (message: string) => z.string({ message }).trim().min(1, message).max(24, message);

/** "19", "7.5" percent → basis points (1900, 750); refuses more than 100 %. */
export const ZPercentBp = z.preprocess(
  (v) => {
    if (v === "" || v === undefined || v === null) return 0;
    const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(",", ".") : "";
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return Number.NaN;
    const [int, frac = ""] = s.split(".");
    return Number(int) * 100 + Number(frac.padEnd(2, "0"));
  },
  z
    .number({ message: "Enter a percentage such as 19 or 7.5." })
    .int()
    .min(0, "Must be zero or more.")
    .max(10_000, "A percentage cannot be over 100 %."),
);

export const ZTaxRate = z.object({
  name: z.string().trim().min(1, "Name the tax rate, e.g. VAT.").max(60, "At most 60 characters."),
  ratePercent: ZPercentBp,
  isDefault: ZCheckbox.default(false),
});
export type TTaxRate = z.input<typeof ZTaxRate>;

export const ZInvoiceSettings = z.object({
  legalName: text(200),
  address: text(1000),
  taxId: text(60),
  paymentDetails: text(1000),
  footerNote: text(1000),
  numberPattern: z
    .string()
    .trim()
    .max(60, "At most 60 characters.")
    .regex(/\{SEQ(:\d)?\}/, "The pattern needs {SEQ} or {SEQ:4}, e.g. INV-{YYYY}-{SEQ:4}.")
    .default("INV-{YYYY}-{SEQ:4}"),
  dueDays: z.coerce.number().int().min(0, "Zero or more days.").max(365, "At most 365 days.").default(14),
  priceMode: z.enum(["net", "gross"]).default("net"),
  rounding: z.enum(["half_up", "half_even"]).default("half_up"),
  paperSize: z.enum(["A4", "Letter"]).default("A4"),
});
export type TInvoiceSettings = z.input<typeof ZInvoiceSettings>;

export const ZClientBilling = z.object({
  id: ZId,
  currency: z.preprocess(
    (v) => (v === "" || v == null ? null : typeof v === "string" ? v.trim().toUpperCase() : v),
    z
      .string()
      .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as EUR or USD.")
      .nullable(),
  ),
  taxId: text(60),
});
export type TClientBilling = z.input<typeof ZClientBilling>;

export const GROUP_BY = ["project", "task", "person", "day", "entry"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const ZManualLine = z.object({
  kind: z.enum(["manual", "discount"]).default("manual"),
  description: z.string().trim().min(1, "Describe the line.").max(500, "At most 500 characters."),
  /** "1", "2.5" (thousandths kept); negative quantities are refused. */
  quantity: z.string().trim().max(16).default("1"),
  /** In the invoice's currency: "85.50". A discount line's amount is subtracted. */
  unitPrice: decimal("Enter an amount such as 85 or 85.50."),
  taxRateId: zOptionalIdOf("a tax rate").default(null),
  discountPercent: ZPercentBp.default(0),
});
export type TManualLine = z.input<typeof ZManualLine>;

const ids = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
  z.array(ZId).max(500, "At most 500 projects."),
);

/** A manual exchange rate (units of the home currency per unit of the invoice's): empty → none. */
export const ZExchangeRateText = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  z
    .string()
    .trim()
    .max(20, "Enter a rate such as 1.0845.")
    .transform((s, ctx) => {
      const rate = normalizeRate(s);
      if (rate === null) {
        ctx.addIssue({ code: "custom", message: "Enter a rate above zero such as 1.0845 (at most 8 decimals)." });
        return z.NEVER;
      }
      return rate;
    })
    .nullable(),
);

export const ZSetExchangeRate = z.object({ id: ZId, exchangeRate: ZExchangeRateText });
export type TSetExchangeRate = z.input<typeof ZSetExchangeRate>;

export const ZInvoiceDraft = z
  .object({
    clientId: zIdOf("a client"),
    from: ZOptionalDateKey.default(null),
    to: ZOptionalDateKey.default(null),
    projectIds: ids.default([]),
    groupBy: z.enum(GROUP_BY, { message: "Choose how to group the lines." }).default("project"),
    /** Applied to the time lines; none: the default tax rate, else no tax. */
    taxRateId: zOptionalIdOf("a tax rate").default(null),
    /** When given, must be the client's currency (invoices are in the client's currency). */
    currency: z
      .preprocess(
        (v) => (v === "" || v == null ? null : typeof v === "string" ? v.trim().toUpperCase() : v),
        z.string().nullable(),
      )
      .optional(),
    exchangeRate: ZExchangeRateText.optional(),
    reverseCharge: ZCheckbox.default(false),
    notes: text(2000),
    manualLines: z.array(ZManualLine).max(200, "At most 200 manual lines.").default([]),
    includeTime: ZCheckbox.default(true),
    /** The preview's entry count: creation refuses if the entries changed in between. */
    expectedEntries: z.coerce.number().int().min(0).optional(),
    /** The period's unbilled billable expenses (each with its own tax rate); needs a period. */
    includeExpenses: ZCheckbox.default(true),
    expenseGrouping: z.enum(EXPENSE_GROUPING, { message: "Choose how to list the expenses." }).default("expense"),
    /** The preview's expense count: creation refuses if the expenses changed in between. */
    expectedExpenses: z.coerce.number().int().min(0).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.from && d.to && d.from > d.to) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end of the period is before its start." });
    }
    if (d.includeTime && (!d.from || !d.to)) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the period to bill." });
    }
  });
export type TInvoiceDraft = z.input<typeof ZInvoiceDraft>;

export const ZIssueInvoice = z.object({ id: ZId, issueDate: ZOptionalDateKey.default(null) });
export type TIssueInvoice = z.input<typeof ZIssueInvoice>;

export const ZPayment = z.object({
  invoiceId: ZId,
  date: ZDateKey,
  amount: decimal("Enter the amount paid, such as 120 or 120.50."),
  method: text(60),
});
export type TPayment = z.input<typeof ZPayment>;

export const INVOICE_STATUSES = ["draft", "issued", "partly_paid", "paid", "cancelled", "overdue"] as const;
export const ZInvoiceFilter = z.object({
  status: z.enum(INVOICE_STATUSES).optional().catch(undefined),
  clientId: zIdOf("a client").optional().catch(undefined),
  from: ZDateKey.optional().catch(undefined),
  to: ZDateKey.optional().catch(undefined),
});
export type TInvoiceFilter = z.input<typeof ZInvoiceFilter>;

export const ZDraftLine = ZManualLine.extend({ invoiceId: ZId });
export type TDraftLine = z.input<typeof ZDraftLine>;
