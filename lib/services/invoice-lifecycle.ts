// After the draft: issue (number, freeze, lock), payments (partial, then paid), and cancellation by a
// credit note that negates every line exactly and makes the entries billable again. Each step is one
// transaction guarded by the status it expects, so two admins clicking at once cannot both succeed.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { minorDigits, parseAmount } from "@/lib/money";
import { amountBand } from "@/lib/observability/events-invoicing";
import { incrementInvoices } from "@/lib/observability/invoice-metrics";
import { track } from "@/lib/observability/track";
import { addDays, dateKey } from "@/lib/time/tz";
import { ZById, type TById } from "@/lib/validation/common";
import { ZIssueInvoice, ZPayment, type TIssueInvoice, type TPayment } from "@/lib/validation/invoices";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import { getInvoiceSettings } from "./invoice-settings";
import { takeNumber } from "./invoice-numbers";
import { INVOICE_TX } from "./invoices";
import { getOrgSettings } from "./settings";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const gone = () => new AppError("NOT_FOUND", "That invoice does not exist.");

/** Numbers and freezes a draft: its seller and client details are copied, its lines never change again. */
export async function issueInvoice(actor: Caller, input: TIssueInvoice): Promise<{ number: string }> {
  assertAdmin(actor, "issue invoices");
  const { id, issueDate } = ZIssueInvoice.parse(input);
  const [settings, org] = await Promise.all([getInvoiceSettings(actor), getOrgSettings()]);
  const day = issueDate ?? dateKey(new Date(), org.timezone);
  const out = await db().$transaction(async (tx) => {
    const inv = await tx.invoice.findUnique({
      where: { id },
      select: {
        status: true,
        totalMinor: true,
        currency: true,
        _count: { select: { lines: true } },
        client: { select: { name: true, address: true, taxId: true, contact: true } },
      },
    });
    if (!inv) throw gone();
    if (inv.status !== "draft") throw new AppError("CONFLICT", "This invoice is already issued.");
    if (inv._count.lines === 0) throw new AppError("VALIDATION", "An invoice needs at least one line.");
    if (inv.totalMinor < 0) throw new AppError("VALIDATION", "An invoice's total cannot be negative.");
    const number = await takeNumber(tx, settings.numberPattern, day);
    const snapshot = {
      seller: {
        name: settings.legalName || org.name,
        address: settings.address,
        taxId: settings.taxId,
        paymentDetails: settings.paymentDetails,
        footerNote: settings.footerNote,
      },
      client: inv.client,
    };
    const { count } = await tx.invoice.updateMany({
      where: { id, status: "draft" },
      data: {
        status: "issued",
        number,
        issueDate: asDate(day),
        dueDate: asDate(addDays(day, settings.dueDays)),
        issuedAt: new Date(),
        snapshot,
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This invoice is already issued.");
    return { number, total: inv.totalMinor, currency: inv.currency };
  }, INVOICE_TX);
  incrementInvoices("issued");
  track(
    "invoice.issued",
    { invoice_id: id, amount_band: amountBand(out.total, minorDigits(out.currency)) },
    { userId: actorUserId(actor) },
  );
  return { number: out.number };
}

/** Records a payment; refuses more than what is outstanding. Fully paid → status "paid". */
export async function recordPayment(actor: Caller, input: TPayment): Promise<{ status: "partly_paid" | "paid" }> {
  assertAdmin(actor, "record payments");
  const p = ZPayment.parse(input);
  const inv = await db().invoice.findUnique({
    where: { id: p.invoiceId },
    select: { kind: true, status: true, currency: true, totalMinor: true, paidMinor: true },
  });
  if (!inv) throw gone();
  if (inv.kind !== "invoice" || (inv.status !== "issued" && inv.status !== "partly_paid")) {
    const why = inv.status === "draft" ? "Issue the invoice first." : "This invoice takes no more payments.";
    throw new AppError("CONFLICT", why);
  }
  const amount = parseAmount(p.amount, inv.currency);
  const outstanding = inv.totalMinor - inv.paidMinor;
  const field = (message: string) => new AppError("VALIDATION", message, { amount: [message] });
  if (amount === null) throw field(`Enter an amount in ${inv.currency}, such as 120 or 120.50.`);
  if (amount <= 0) throw field("A payment is more than zero.");
  if (amount > outstanding) throw field("That is more than the amount outstanding.");
  const out = await db().$transaction(async (tx) => {
    // Conditional on what we read: a concurrent payment makes this match nothing (no overpayment).
    const paid = inv.paidMinor + amount;
    const status = paid === inv.totalMinor ? "paid" : "partly_paid";
    const { count } = await tx.invoice.updateMany({
      where: { id: p.invoiceId, paidMinor: inv.paidMinor, status: inv.status },
      data: { paidMinor: paid, status },
    });
    if (count !== 1) throw new AppError("CONFLICT", "The invoice changed meanwhile. Reload and try again.");
    await tx.payment.create({
      data: {
        invoiceId: p.invoiceId,
        date: asDate(p.date),
        amountMinor: amount,
        method: p.method,
        createdById: actor.id,
      },
    });
    const payments = await tx.payment.count({ where: { invoiceId: p.invoiceId } });
    return { status, payments } as const;
  });
  const digits = minorDigits(inv.currency);
  track(
    "invoice.payment_recorded",
    { invoice_id: p.invoiceId, amount_band: amountBand(amount, digits), fully_paid: out.status === "paid" },
    { userId: actorUserId(actor) },
  );
  if (out.status === "paid") {
    incrementInvoices("paid");
    track(
      "invoice.paid",
      { invoice_id: p.invoiceId, amount_band: amountBand(inv.totalMinor, digits), num_payments: out.payments },
      { userId: actorUserId(actor) },
    );
  }
  return { status: out.status };
}

/** Cancels an issued invoice with a credit note (every line negated) and reopens its entries. */
export async function cancelInvoice(actor: Caller, input: TById): Promise<{ creditNoteId: string; number: string }> {
  assertAdmin(actor, "cancel invoices");
  const { id } = ZById.parse(input);
  const [settings, org] = await Promise.all([getInvoiceSettings(actor), getOrgSettings()]);
  const day = dateKey(new Date(), org.timezone);
  const out = await db().$transaction(async (tx) => {
    const inv = await tx.invoice.findUnique({
      where: { id },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    if (!inv) throw gone();
    if (inv.kind !== "invoice") throw new AppError("CONFLICT", "A credit note cannot be cancelled.");
    if (inv.status === "draft") throw new AppError("CONFLICT", "A draft is not cancelled: delete it instead.");
    if (inv.status === "cancelled") throw new AppError("CONFLICT", "This invoice is already cancelled.");
    const { count } = await tx.invoice.updateMany({
      where: { id, status: inv.status },
      data: { status: "cancelled" },
    });
    if (count !== 1) throw new AppError("CONFLICT", "The invoice changed meanwhile. Reload and try again.");
    const number = await takeNumber(tx, settings.creditPattern, day);
    const cn = await tx.invoice.create({
      data: {
        kind: "credit_note",
        number,
        status: "issued",
        clientId: inv.clientId,
        currency: inv.currency,
        priceMode: inv.priceMode,
        rounding: inv.rounding,
        periodFrom: inv.periodFrom,
        periodTo: inv.periodTo,
        issueDate: asDate(day),
        dueDate: asDate(day),
        issuedAt: new Date(),
        notes: `Cancels invoice ${inv.number}.`,
        reverseCharge: inv.reverseCharge,
        exchangeRate: inv.exchangeRate,
        netMinor: -inv.netMinor,
        taxMinor: -inv.taxMinor,
        totalMinor: -inv.totalMinor,
        snapshot: inv.snapshot ?? undefined,
        creditedId: inv.id,
        createdById: actor.id,
      },
      select: { id: true },
    });
    // Exactly the invoice negated, line by line (lib/money proves recomputing would give the same).
    await tx.invoiceLine.createMany({
      data: inv.lines.map(({ id: _id, invoiceId: _inv, ...l }) => ({
        ...l,
        invoiceId: cn.id,
        unitPrice: -l.unitPrice,
        amount: -l.amount,
        taxMinor: -l.taxMinor,
      })),
    });
    const released = await tx.invoiceEntry.deleteMany({ where: { invoiceId: id } });
    await tx.expense.updateMany({ where: { invoiceId: id }, data: { invoiceId: null } });
    return { creditNoteId: cn.id, number, released: released.count };
  }, INVOICE_TX);
  incrementInvoices("cancelled");
  track(
    "invoice.cancelled",
    { invoice_id: id, credit_note_id: out.creditNoteId, num_entries: out.released },
    { userId: actorUserId(actor) },
  );
  return { creditNoteId: out.creditNoteId, number: out.number };
}
