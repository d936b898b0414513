// The expenses side of a draft invoice: which unbilled billable expenses a draft takes (the client's,
// in the period, in the invoice's currency), reading them with their tax rate, and turning them into
// lines (one per expense, or one per category and tax rate). invoices.ts claims them in the draft's
// transaction (UPDATE … WHERE invoice_id IS NULL), exactly like the entries.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { TaxRate } from "@/lib/money";
import type { ExpenseGrouping } from "@/lib/validation/expenses";
import type { DraftLine } from "./invoice-lines";
import { REVERSE_CHARGE } from "./invoice-settings";

type Tx = Prisma.TransactionClient;

export interface BillableExpense {
  id: string;
  date: string;
  category: string;
  description: string;
  amountMinor: number;
  projectName: string;
  tax: TaxRate;
}

interface ExpenseScope {
  clientId: string;
  from: string | null;
  to: string | null;
  projectIds: string[];
  includeExpenses: boolean;
}

const NO_TAX: TaxRate = { name: "No tax", rateBp: 0 };

/** Expenses are billed only for a period (a draft of manual lines alone takes none). */
export function billsExpenses(d: ExpenseScope): boolean {
  return d.includeExpenses && Boolean(d.from && d.to);
}

export function expenseWhere(d: ExpenseScope, invoiceId: string | null): Prisma.ExpenseWhereInput {
  return {
    invoiceId,
    billable: true,
    date: { gte: new Date(`${d.from}T00:00:00Z`), lte: new Date(`${d.to}T00:00:00Z`) },
    project: { clientId: d.clientId, ...(d.projectIds.length ? { id: { in: d.projectIds } } : {}) },
  };
}

/** Refuses a draft while some of the period's billable expenses are in another currency than the invoice. */
export async function assertExpenseCurrency(d: ExpenseScope, currency: string): Promise<void> {
  if (!billsExpenses(d)) return;
  const other = await db().expense.groupBy({
    by: ["currency"],
    where: { ...expenseWhere(d, null), currency: { not: currency } },
    _count: { _all: true },
  });
  if (other.length === 0) return;
  const n = other.reduce((a, o) => a + o._count._all, 0);
  const message = `${n} billable expense${n === 1 ? " is" : "s are"} in ${other.map((o) => o.currency).join(", ")}, but this client is billed in ${currency}. Correct or un-tick them as billable first.`;
  throw new AppError("VALIDATION", message, { currency: [message] });
}

export async function readExpenses(
  tx: Tx,
  where: Prisma.ExpenseWhereInput,
  reverse: boolean,
): Promise<BillableExpense[]> {
  const rows = await tx.expense.findMany({
    where,
    orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      date: true,
      category: true,
      description: true,
      amountMinor: true,
      project: { select: { name: true } },
      taxRate: { select: { name: true, rateBp: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    date: r.date.toISOString().slice(0, 10),
    category: r.category,
    description: r.description,
    amountMinor: r.amountMinor,
    projectName: r.project.name,
    tax: reverse ? REVERSE_CHARGE : (r.taxRate ?? NO_TAX),
  }));
}

/** Expense lines: each keeps its own tax rate; a category group splits by rate so taxes stay per rate. */
export function expenseLines(expenses: readonly BillableExpense[], by: ExpenseGrouping): DraftLine[] {
  const line = (description: string, amount: number, tax: TaxRate): DraftLine => ({
    kind: "expense",
    description,
    quantityMilli: 1000,
    unitPrice: amount,
    discountBp: 0,
    amount,
    tax,
  });
  if (by === "expense") {
    return expenses.map((e) => {
      const what = [e.category, e.description.slice(0, 200)].filter(Boolean).join(": ") || "Expense";
      return line(`${e.date} ${e.projectName} – ${what}`, e.amountMinor, e.tax);
    });
  }
  const groups = new Map<string, { label: string; amount: number; count: number; tax: TaxRate }>();
  for (const e of expenses) {
    const key = `${e.category}|${e.tax.name}|${e.tax.rateBp}`;
    const g = groups.get(key) ?? { label: e.category || "Other", amount: 0, count: 0, tax: e.tax };
    g.amount += e.amountMinor;
    g.count += 1;
    groups.set(key, g);
  }
  return [...groups.values()].map((g) =>
    line(`Expenses: ${g.label} (${g.count} item${g.count === 1 ? "" : "s"})`, g.amount, g.tax),
  );
}
