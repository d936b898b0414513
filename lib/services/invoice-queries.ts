// Reading invoices (admins): one invoice with its lines and payments, the filtered list with the
// amounts outstanding and overdue per currency, and the list as CSV.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toDecimalString, type TaxGroup } from "@/lib/money";
import { dateKey } from "@/lib/time/tz";
import { ZInvoiceFilter, type TInvoiceFilter } from "@/lib/validation/invoices";
import { assertAdmin, type Caller } from "./actor";
import { csvLine } from "./csv";
import { inHomeCurrency } from "./invoice-exchange";
import { dayOf } from "./rates";
import { getOrgSettings } from "./settings";

export type DisplayStatus = "draft" | "issued" | "partly_paid" | "paid" | "cancelled" | "overdue";

export interface InvoiceSummaryDto {
  id: string;
  kind: "invoice" | "credit_note";
  number: string | null;
  status: DisplayStatus;
  clientId: string;
  clientName: string;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  /** Manual rate: units of the home currency per unit of `currency` (reporting only). */
  exchangeRate: string | null;
}

export interface InvoiceLineDto {
  position: number;
  kind: "time" | "manual" | "discount" | "expense";
  description: string;
  quantityMilli: number;
  unitPrice: number;
  discountBp: number;
  amount: number;
  taxName: string;
  taxRateBp: number;
  taxMinor: number;
}

export interface InvoiceDto extends InvoiceSummaryDto {
  priceMode: "net" | "gross";
  periodFrom: string | null;
  periodTo: string | null;
  notes: string;
  reverseCharge: boolean;
  entryCount: number;
  lines: InvoiceLineDto[];
  /** Net and tax per named rate, from the stored lines (they add up to the invoice's net and tax). */
  taxes: TaxGroup[];
  payments: { id: string; date: string; amountMinor: number; method: string }[];
  creditedId: string | null;
  creditedNumber: string | null;
  creditNoteId: string | null;
  snapshot: unknown;
}

const summarySelect = {
  id: true,
  kind: true,
  number: true,
  status: true,
  clientId: true,
  currency: true,
  issueDate: true,
  dueDate: true,
  netMinor: true,
  taxMinor: true,
  totalMinor: true,
  paidMinor: true,
  exchangeRate: true,
  client: { select: { name: true } },
} as const;

type SummaryRow = Prisma.InvoiceGetPayload<{ select: typeof summarySelect }>;

const OPEN = ["issued", "partly_paid"] as const;

function toSummary(r: SummaryRow, today: string): InvoiceSummaryDto {
  const due = r.dueDate ? dayOf(r.dueDate) : null;
  const open = (OPEN as readonly string[]).includes(r.status);
  return {
    id: r.id,
    kind: r.kind,
    number: r.number,
    status: open && r.kind === "invoice" && due !== null && due < today ? "overdue" : r.status,
    clientId: r.clientId,
    clientName: r.client.name,
    currency: r.currency,
    issueDate: r.issueDate ? dayOf(r.issueDate) : null,
    dueDate: due,
    netMinor: r.netMinor,
    taxMinor: r.taxMinor,
    totalMinor: r.totalMinor,
    paidMinor: r.paidMinor,
    exchangeRate: r.exchangeRate,
  };
}

async function today(): Promise<string> {
  return dateKey(new Date(), (await getOrgSettings()).timezone);
}

export async function getInvoice(actor: Caller, id: string): Promise<InvoiceDto> {
  assertAdmin(actor, "see invoices");
  const r = await db().invoice.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      priceMode: true,
      periodFrom: true,
      periodTo: true,
      notes: true,
      reverseCharge: true,
      snapshot: true,
      creditedId: true,
      credited: { select: { number: true } },
      creditNote: { select: { id: true } },
      _count: { select: { entries: true } },
      lines: { orderBy: { position: "asc" }, omit: { id: true, invoiceId: true } },
      payments: {
        orderBy: [{ date: "asc" }, { createdAt: "asc" }],
        select: { id: true, date: true, amountMinor: true, method: true },
      },
    },
  });
  if (!r) throw new AppError("NOT_FOUND", "That invoice does not exist.");
  return {
    ...toSummary(r, await today()),
    priceMode: r.priceMode,
    periodFrom: r.periodFrom ? dayOf(r.periodFrom) : null,
    periodTo: r.periodTo ? dayOf(r.periodTo) : null,
    notes: r.notes,
    reverseCharge: r.reverseCharge,
    entryCount: r._count.entries,
    lines: r.lines,
    taxes: taxGroups(r.lines, r.priceMode),
    payments: r.payments.map((p) => ({ ...p, date: dayOf(p.date) })),
    creditedId: r.creditedId,
    creditedNumber: r.credited?.number ?? null,
    creditNoteId: r.creditNote?.id ?? null,
    snapshot: r.snapshot,
  };
}

function taxGroups(lines: readonly InvoiceLineDto[], mode: "net" | "gross"): TaxGroup[] {
  const groups = new Map<string, TaxGroup>();
  for (const l of lines) {
    const k = `${l.taxRateBp}|${l.taxName}`;
    const g = groups.get(k) ?? { name: l.taxName, rateBp: l.taxRateBp, net: 0, tax: 0 };
    g.net += mode === "net" ? l.amount : l.amount - l.taxMinor;
    g.tax += l.taxMinor;
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => b.rateBp - a.rateBp || a.name.localeCompare(b.name));
}

export interface InvoiceList {
  invoices: InvoiceSummaryDto[];
  /** Per currency: what clients still owe on issued invoices, and the part of it past due. */
  totals: { currency: string; outstandingMinor: number; overdueMinor: number }[];
  /**
   * The same in the home currency: invoices in it, plus those in other currencies that have a
   * manual exchange rate; `withoutRate` counts the open ones left out, per currency.
   */
  home: {
    currency: string;
    outstandingMinor: number;
    overdueMinor: number;
    withoutRate: { currency: string; count: number }[];
  };
}

const LIST_LIMIT = 1000;

export async function listInvoices(actor: Caller, input: TInvoiceFilter = {}): Promise<InvoiceList> {
  assertAdmin(actor, "see invoices");
  const f = ZInvoiceFilter.parse(input);
  const now = await today();
  const nowDate = new Date(`${now}T00:00:00Z`);
  const status: Prisma.InvoiceWhereInput =
    f.status === "overdue"
      ? { status: { in: [...OPEN] }, kind: "invoice", dueDate: { lt: nowDate } }
      : f.status
        ? { status: f.status }
        : {};
  const period: Prisma.InvoiceWhereInput =
    f.from || f.to
      ? {
          issueDate: {
            ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
            ...(f.to ? { lte: new Date(`${f.to}T00:00:00Z`) } : {}),
          },
        }
      : {};
  const rows = await db().invoice.findMany({
    where: { ...status, ...period, ...(f.clientId ? { clientId: f.clientId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: summarySelect,
  });
  const invoices = rows.map((r) => toSummary(r, now));
  const homeCurrency = (await getOrgSettings()).currency;
  const home = { currency: homeCurrency, outstandingMinor: 0, overdueMinor: 0 };
  const withoutRate = new Map<string, number>();
  const totals = new Map<string, { currency: string; outstandingMinor: number; overdueMinor: number }>();
  for (const i of invoices) {
    if (i.kind !== "invoice" || !["issued", "partly_paid", "overdue"].includes(i.status)) continue;
    const t = totals.get(i.currency) ?? { currency: i.currency, outstandingMinor: 0, overdueMinor: 0 };
    const owed = i.totalMinor - i.paidMinor;
    t.outstandingMinor += owed;
    if (i.status === "overdue") t.overdueMinor += owed;
    totals.set(i.currency, t);
    const converted = inHomeCurrency(owed, i, homeCurrency);
    if (!converted) {
      withoutRate.set(i.currency, (withoutRate.get(i.currency) ?? 0) + 1);
      continue;
    }
    home.outstandingMinor += converted.minor;
    if (i.status === "overdue") home.overdueMinor += converted.minor;
  }
  return {
    invoices,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    home: {
      ...home,
      withoutRate: [...withoutRate]
        .map(([currency, count]) => ({ currency, count }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    },
  };
}

export const INVOICE_CSV_HEADER = [
  "Number",
  "Type",
  "Status",
  "Client",
  "Issue date",
  "Due date",
  "Currency",
  "Net",
  "Tax",
  "Total",
  "Paid",
  "Outstanding",
  /** The expense lines' part of Net (as entered: net or gross per the invoice's price mode). */
  "Expenses",
  /** The manual rate (home currency per unit of Currency), empty when none. */
  "Exchange rate",
  /** Total in the home currency: the total itself, or converted at the rate; empty without a rate. */
  "Total (home currency)",
];

/** The filtered list as CSV (amounts as plain decimals in each invoice's currency). */
export async function exportInvoicesCsv(actor: Caller, input: TInvoiceFilter = {}): Promise<string> {
  const { invoices, home } = await listInvoices(actor, input);
  const d = (await getOrgSettings()).csvDelimiter;
  const expenseSums = await db().invoiceLine.groupBy({
    by: ["invoiceId"],
    where: { kind: "expense", invoiceId: { in: invoices.map((i) => i.id) } },
    _sum: { amount: true },
  });
  const expenses = new Map(expenseSums.map((e) => [e.invoiceId, e._sum.amount ?? 0]));
  const money = (m: number, c: string) => toDecimalString(m, c);
  let out = "\uFEFF" + csvLine(INVOICE_CSV_HEADER, d);
  for (const i of invoices) {
    out += csvLine(
      [
        i.number ?? "(draft)",
        i.kind === "credit_note" ? "Credit note" : "Invoice",
        i.status,
        i.clientName,
        i.issueDate,
        i.dueDate,
        i.currency,
        money(i.netMinor, i.currency),
        money(i.taxMinor, i.currency),
        money(i.totalMinor, i.currency),
        money(i.paidMinor, i.currency),
        money(i.kind === "invoice" && i.status !== "cancelled" ? i.totalMinor - i.paidMinor : 0, i.currency),
        money(expenses.get(i.id) ?? 0, i.currency),
        i.exchangeRate ?? "",
        ((h) => (h ? money(h.minor, h.currency) : ""))(inHomeCurrency(i.totalMinor, i, home.currency)),
      ],
      d,
    );
  }
  return out;
}
