// Expenses (project costs): members record, edit and delete their own on projects they can track on;
// admins see and change everyone's. Amounts are exact minor units in the project client's currency,
// fixed when recorded. An expense on an invoice (draft or issued) is locked like a billed entry.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { minorDigits, parseAmount } from "@/lib/money";
import { amountBand } from "@/lib/observability/events-invoicing";
import { incrementExpenses } from "@/lib/observability/expense-metrics";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import {
  ZExpense,
  ZExpenseFilter,
  ZExpenseUpdate,
  type TExpense,
  type TExpenseFilter,
  type TExpenseUpdate,
} from "@/lib/validation/expenses";
import { isAdmin, type Actor } from "./actor";
import { lockedExpenseError } from "./expense-lock";
import { assertTrackable } from "./projects";
import { removeReceiptFile } from "./receipts";
import { getOrgSettings } from "./settings";

export interface ExpenseDto {
  id: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  clientName: string;
  date: string;
  category: string;
  description: string;
  amountMinor: number;
  currency: string;
  taxRateId: string | null;
  taxName: string | null;
  taxRateBp: number;
  billable: boolean;
  invoiceId: string | null;
  invoiceNumber: string | null;
  hasReceipt: boolean;
}

export interface ExpenseTotal {
  currency: string;
  amountMinor: number;
  billableMinor: number;
}

/** At most this many rows per list: a filter narrows it (the totals cover every match). */
export const EXPENSE_LIST_LIMIT = 500;
/** 10 million in major units of a two-digit currency: far above any expense, inside a 32-bit column. */
const MAX_MINOR = 1_000_000_000;

const select = {
  id: true,
  userId: true,
  projectId: true,
  date: true,
  category: true,
  description: true,
  amountMinor: true,
  currency: true,
  taxRateId: true,
  billable: true,
  invoiceId: true,
  receiptType: true,
  user: { select: { fullName: true, username: true } },
  project: { select: { name: true, client: { select: { name: true } } } },
  taxRate: { select: { name: true, rateBp: true } },
  invoice: { select: { number: true } },
} as const satisfies Prisma.ExpenseSelect;

type Row = Prisma.ExpenseGetPayload<{ select: typeof select }>;

function toDto(r: Row): ExpenseDto {
  return {
    id: r.id,
    userId: r.userId,
    userName: r.user.fullName || r.user.username,
    projectId: r.projectId,
    projectName: r.project.name,
    clientName: r.project.client.name,
    date: r.date.toISOString().slice(0, 10),
    category: r.category,
    description: r.description,
    amountMinor: r.amountMinor,
    currency: r.currency,
    taxRateId: r.taxRateId,
    taxName: r.taxRate?.name ?? null,
    taxRateBp: r.taxRate?.rateBp ?? 0,
    billable: r.billable,
    invoiceId: r.invoiceId,
    invoiceNumber: r.invoiceId ? (r.invoice?.number ?? "draft") : null,
    hasReceipt: r.receiptType !== null,
  };
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
/** Members: their own rows only; admins: everyone's. */
const scope = (actor: Actor): Prisma.ExpenseWhereInput => (isAdmin(actor) ? {} : { userId: actor.id });
const fieldError = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });
const missing = () => new AppError("NOT_FOUND", "That expense does not exist.");

/** The expenses the caller may see, newest first, and the totals per currency over every match. */
export async function listExpenses(
  actor: Actor,
  input: TExpenseFilter = {},
): Promise<{ expenses: ExpenseDto[]; totals: ExpenseTotal[]; truncated: boolean }> {
  const f = ZExpenseFilter.parse(input);
  const where: Prisma.ExpenseWhereInput = {
    ...scope(actor),
    ...(f.projectId ? { projectId: f.projectId } : {}),
    ...(f.from || f.to
      ? { date: { ...(f.from ? { gte: asDate(f.from) } : {}), ...(f.to ? { lte: asDate(f.to) } : {}) } }
      : {}),
  };
  const [rows, sums] = await Promise.all([
    db().expense.findMany({
      where,
      select,
      orderBy: [{ date: "desc" }, { createdAt: "desc" }],
      take: EXPENSE_LIST_LIMIT + 1,
    }),
    db().expense.groupBy({ by: ["currency", "billable"], where, _sum: { amountMinor: true } }),
  ]);
  const totals = new Map<string, ExpenseTotal>();
  for (const s of sums) {
    const t = totals.get(s.currency) ?? { currency: s.currency, amountMinor: 0, billableMinor: 0 };
    const sum = s._sum.amountMinor ?? 0;
    t.amountMinor += sum;
    if (s.billable) t.billableMinor += sum;
    totals.set(s.currency, t);
  }
  return {
    expenses: rows.slice(0, EXPENSE_LIST_LIMIT).map(toDto),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    truncated: rows.length > EXPENSE_LIST_LIMIT,
  };
}

export async function getExpense(actor: Actor, id: string): Promise<ExpenseDto> {
  const row = await db().expense.findFirst({ where: { id, ...scope(actor) }, select });
  if (!row) throw missing();
  return toDto(row);
}

/** Earlier categories (the caller's own; admins: everyone's), most used first, for suggestions. */
export async function listExpenseCategories(actor: Actor): Promise<string[]> {
  const rows = await db().expense.groupBy({
    by: ["category"],
    where: { ...scope(actor), category: { not: "" } },
    _count: { _all: true },
    orderBy: { _count: { category: "desc" } },
    take: 50,
  });
  return rows.map((r) => r.category);
}

/** The active tax rates an expense may carry (names and percentages are not secret: members pick them). */
export async function listExpenseTaxRates(_actor: Actor): Promise<{ id: string; name: string; rateBp: number }[]> {
  return db().taxRate.findMany({
    where: { archived: false },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, rateBp: true },
  });
}

/** Checks project, tax rate and amount; returns the columns to write. */
async function checkedData(input: ReturnType<typeof ZExpense.parse>, keepTaxRateId: string | null = null) {
  const { project } = await assertTrackable(input.projectId, null);
  if (!project) throw fieldError("projectId", "Choose a project.");
  const [client, org] = await Promise.all([
    db().client.findUnique({ where: { id: project.clientId }, select: { currency: true } }),
    getOrgSettings(),
  ]);
  const currency = client?.currency ?? org.currency;
  if (input.taxRateId && input.taxRateId !== keepTaxRateId) {
    const rate = await db().taxRate.findFirst({
      where: { id: input.taxRateId, archived: false },
      select: { id: true },
    });
    if (!rate) throw fieldError("taxRateId", "Choose a tax rate from the list.");
  }
  const amount = parseAmount(input.amount, currency);
  if (amount === null) throw fieldError("amount", `Enter an amount in ${currency}, such as 12 or 12.50.`);
  if (amount <= 0) throw fieldError("amount", "An expense is more than zero.");
  if (amount > MAX_MINOR) throw fieldError("amount", "That amount is too large for one expense.");
  return {
    projectId: project.id,
    date: asDate(input.date),
    category: input.category,
    description: input.description,
    amountMinor: amount,
    currency,
    taxRateId: input.taxRateId,
    billable: input.billable,
  };
}

export async function createExpense(actor: Actor, input: TExpense): Promise<ExpenseDto> {
  const data = await checkedData(ZExpense.parse(input));
  const row = await db().expense.create({ data: { ...data, userId: actor.id }, select });
  incrementExpenses("created");
  track(
    "expense.created",
    {
      expense_id: row.id,
      project_id: row.projectId,
      billable: row.billable,
      has_category: row.category !== "",
      amount_band: amountBand(row.amountMinor, minorDigits(row.currency)),
    },
    { userId: actor.id },
  );
  return toDto(row);
}

/** Edits an unbilled expense (one's own; admins: anyone's). The owner stays who recorded it. */
export async function updateExpense(actor: Actor, input: TExpenseUpdate): Promise<ExpenseDto> {
  const { id, ...rest } = ZExpenseUpdate.parse(input);
  const current = await db().expense.findFirst({
    where: { id, ...scope(actor) },
    select: { invoiceId: true, taxRateId: true },
  });
  if (!current) throw missing();
  if (current.invoiceId) throw await lockedExpenseError(id);
  const data = await checkedData(rest, current.taxRateId);
  // Conditional on being unbilled: an invoice that claimed it meanwhile wins.
  const { count } = await db().expense.updateMany({ where: { id, invoiceId: null, ...scope(actor) }, data });
  if (count !== 1) throw await lockedExpenseError(id);
  track("expense.updated", { expense_id: id, billable: data.billable }, { userId: actor.id });
  return getExpense(actor, id);
}

/** Deletes an unbilled expense (one's own; admins: anyone's). */
export async function deleteExpense(actor: Actor, input: TById): Promise<void> {
  const { id } = ZById.parse(input);
  const { count } = await db().expense.deleteMany({ where: { id, invoiceId: null, ...scope(actor) } });
  if (count !== 1) {
    const exists = await db().expense.findFirst({ where: { id, ...scope(actor) }, select: { id: true } });
    throw exists ? await lockedExpenseError(id) : missing();
  }
  await removeReceiptFile(id);
  incrementExpenses("deleted");
  track("expense.deleted", { expense_id: id }, { userId: actor.id });
}
