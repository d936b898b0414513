// The REST API's resource shapes (solidtime-style): money as decimal strings (the organisation's
// currency, e.g. "85.50"), estimates in hours, times as RFC 3339 UTC. The services keep cents and
// minutes; these functions translate both ways, so a value read can be sent back unchanged.
// The *Input functions only rename fields: the service parses the result with its own schema, so
// the casts to its input type claim nothing the service does not check.
import "server-only";
import type { ClientDto } from "@/lib/services/clients";
import type { TClient } from "@/lib/validation/clients";
import type { TProject } from "@/lib/validation/projects";
import type { TTask } from "@/lib/validation/tasks";
import type { TPayment } from "@/lib/validation/invoices";
import type { TExpense } from "@/lib/validation/expenses";
import type { ExpenseDto } from "@/lib/services/expenses";
import type { ProjectDto } from "@/lib/services/projects";
import type { TaskDto } from "@/lib/services/tasks";
import type { InvoiceDto, InvoiceSummaryDto } from "@/lib/services/invoice-queries";
import { inHomeCurrency } from "@/lib/services/invoice-exchange";
import { toDecimalString } from "@/lib/money";

export const money = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2));
export const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function apiClient(c: ClientDto) {
  return {
    id: c.id,
    name: c.name,
    contact: c.contact,
    email: c.email,
    phone: c.phone,
    address: c.address,
    defaultHourlyRate: money(c.defaultHourlyRateCents),
    archived: c.archived,
    projectCount: c.projectCount,
  };
}

/** API body fields → the client service's input names. */
export function clientInput(b: Record<string, unknown>): TClient {
  const { defaultHourlyRate, ...rest } = b;
  return {
    ...rest,
    ...(defaultHourlyRate !== undefined ? { defaultHourlyRateCents: defaultHourlyRate } : {}),
  } as TClient;
}

export function apiProject(p: ProjectDto) {
  return {
    id: p.id,
    clientId: p.clientId,
    clientName: p.clientName,
    name: p.name,
    description: p.description,
    color: p.color,
    billable: p.billable,
    hourlyRate: money(p.hourlyRateCents),
    effectiveHourlyRate: money(p.effectiveRateCents),
    billingReference: p.billingReference,
    estimatedHours: hours(p.estimatedMinutes),
    budget: money(p.budgetCents),
    budgetAlertPercent: p.budgetAlertPercent,
    archived: p.archived,
  };
}

export function projectInput(b: Record<string, unknown>): TProject {
  const { hourlyRate, budget, estimatedHours, ...rest } = b;
  return {
    ...rest,
    ...(hourlyRate !== undefined ? { hourlyRateCents: hourlyRate } : {}),
    ...(budget !== undefined ? { budgetCents: budget } : {}),
    ...(estimatedHours !== undefined ? { estimatedMinutes: estimatedHours } : {}),
  } as TProject;
}

export function apiTask(t: TaskDto) {
  return {
    id: t.id,
    projectId: t.projectId,
    projectName: t.projectName,
    name: t.name,
    description: t.description,
    status: t.status,
    priority: t.priority,
    estimatedHours: hours(t.estimatedMinutes),
    dueDate: t.dueDate,
    assigneeId: t.assigneeId,
    createdById: t.createdById,
    startedAt: iso(t.startedAt),
    completedAt: iso(t.completedAt),
  };
}

export function taskInput(b: Record<string, unknown>): TTask {
  const { estimatedHours, ...rest } = b;
  return { ...rest, ...(estimatedHours !== undefined ? { estimatedMinutes: estimatedHours } : {}) } as TTask;
}

/** An invoice in a list: amounts as decimal strings in the invoice's own currency; `home` is the
 * organisation's currency, in which homeTotal gives the total (as the invoice page, PDF and CSV do). */
export function apiInvoiceSummary(i: InvoiceSummaryDto, home: string) {
  const m = (minor: number) => toDecimalString(minor, i.currency);
  const h = inHomeCurrency(i.totalMinor, i, home);
  return {
    id: i.id,
    kind: i.kind,
    number: i.number,
    status: i.status,
    clientId: i.clientId,
    clientName: i.clientName,
    currency: i.currency,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    net: m(i.netMinor),
    tax: m(i.taxMinor),
    total: m(i.totalMinor),
    paid: m(i.paidMinor),
    outstanding: m(i.totalMinor - i.paidMinor),
    exchangeRate: i.exchangeRate,
    homeTotal: h ? { amount: toDecimalString(h.minor, h.currency), currency: h.currency } : null,
  };
}

/** One invoice with its lines, tax breakdown and payments. */
export function apiInvoice(i: InvoiceDto, home: string) {
  const m = (minor: number) => toDecimalString(minor, i.currency);
  return {
    ...apiInvoiceSummary(i, home),
    priceMode: i.priceMode,
    periodFrom: i.periodFrom,
    periodTo: i.periodTo,
    notes: i.notes,
    reverseCharge: i.reverseCharge,
    creditedId: i.creditedId,
    creditNoteId: i.creditNoteId,
    lines: i.lines.map((l) => ({
      position: l.position,
      kind: l.kind,
      description: l.description,
      quantity: (l.quantityMilli / 1000).toString(),
      unitPrice: m(l.unitPrice),
      discountPercent: (l.discountBp / 100).toString(),
      amount: m(l.amount),
      taxName: l.taxName,
      taxRatePercent: (l.taxRateBp / 100).toString(),
      tax: m(l.taxMinor),
    })),
    taxes: i.taxes.map((t) => ({
      name: t.name,
      ratePercent: (t.rateBp / 100).toString(),
      net: m(t.net),
      tax: m(t.tax),
    })),
    payments: i.payments.map((p) => ({ id: p.id, date: p.date, amount: m(p.amountMinor), method: p.method })),
  };
}

/** A payment body { date, amount, method } → the payment service's input (it parses every field). */
export function paymentInput(invoiceId: string, b: Record<string, unknown>): TPayment {
  return { invoiceId, date: b.date, amount: b.amount, method: b.method ?? "" } as TPayment;
}

/** An expense: the amount as a decimal string in its own currency (the project client's). */
export function apiExpense(e: ExpenseDto) {
  return {
    id: e.id,
    userId: e.userId,
    projectId: e.projectId,
    projectName: e.projectName,
    date: e.date,
    category: e.category,
    description: e.description,
    amount: toDecimalString(e.amountMinor, e.currency),
    currency: e.currency,
    taxRateId: e.taxRateId,
    taxRatePercent: e.taxRateId ? (e.taxRateBp / 100).toString() : null,
    billable: e.billable,
    invoiceId: e.invoiceId,
    hasReceipt: e.hasReceipt,
  };
}

/** The writable fields of an expense as the API shows them (a PATCH is merged over these). */
export function expenseFields(e: ExpenseDto) {
  const { projectId, date, category, description, amount, taxRateId, billable } = apiExpense(e);
  return { projectId, date, category, description, amount, taxRateId, billable };
}

/** An expense body → the expense service's input (it parses every field). */
export function expenseInput(b: Record<string, unknown>): TExpense {
  return b as TExpense;
}
