// Invoices (admins): preview and create a draft from unbilled time and manual lines, delete a draft.
// A draft claims its entries in the same transaction that writes it (one INSERT into invoice_entries,
// whose primary key takes an entry once), so two admins billing the same entries at once cannot both
// succeed; the lifecycle after that (issue, payments, credit notes) is in invoice-lifecycle.ts, the
// reads in invoice-queries.ts.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { Prisma as P } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { minorDigits, parseAmount, type Totals } from "@/lib/money";
import { amountBand } from "@/lib/observability/events-invoicing";
import { incrementInvoices } from "@/lib/observability/invoice-metrics";
import { track } from "@/lib/observability/track";
import { dayRange, localDayOf } from "@/lib/time/tz";
import { ZById, type TById } from "@/lib/validation/common";
import { ZDraftLine, ZInvoiceDraft, type TDraftLine, type TInvoiceDraft } from "@/lib/validation/invoices";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import {
  assertExpenseCurrency,
  billsExpenses,
  expenseLines,
  expenseWhere,
  readExpenses,
  type BillableExpense,
} from "./invoice-expenses";
import { getInvoiceSettings, REVERSE_CHARGE, taxRateFor } from "./invoice-settings";
import {
  manualLine,
  priceLines,
  timeLines,
  type BillableEntry,
  type DraftLine,
  type PricedLine,
} from "./invoice-lines";
import { loadRateTable } from "./rates";
import { getOrgSettings } from "./settings";

type Tx = Prisma.TransactionClient;
type Draft = ReturnType<typeof ZInvoiceDraft.parse>;

export interface InvoicePreview {
  clientId: string;
  clientName: string;
  currency: string;
  entryCount: number;
  expenseCount: number;
  lines: PricedLine[];
  totals: Totals;
}

/** Long enough for a year of a busy client's entries; Prisma's default (5 s) is not. */
export const INVOICE_TX = { timeout: 120_000, maxWait: 30_000 } as const;

const NOTHING =
  "Nothing to bill: no unbilled billable time or expenses for this client in that period, and no manual lines.";

async function billingContext(actor: Caller, d: Draft) {
  const [settings, org, client] = await Promise.all([
    getInvoiceSettings(actor),
    getOrgSettings(),
    db().client.findUnique({ where: { id: d.clientId }, select: { id: true, name: true, currency: true } }),
  ]);
  if (!client) throw new AppError("NOT_FOUND", "That client does not exist.", { clientId: ["Choose a client."] });
  const currency = client.currency ?? org.currency;
  if (d.currency && d.currency !== currency) {
    const message = `${client.name} is billed in ${currency}: the invoice must be in ${currency}, not ${d.currency}.`;
    throw new AppError("VALIDATION", message, { currency: [message] });
  }
  if (d.projectIds.length > 0) {
    const n = await db().project.count({ where: { id: { in: d.projectIds }, clientId: client.id } });
    if (n !== d.projectIds.length) {
      throw new AppError("VALIDATION", "Choose projects of this client.", {
        projectIds: ["Not this client's project."],
      });
    }
  }
  await assertExpenseCurrency(d, currency);
  return { settings, org, client, currency };
}

/**
 * The entries a draft bills, as SQL over `time_entries e`: finished, billable, unbilled, in the
 * period, on the client's (chosen) projects. One fragment for the preview and the claim, so both
 * see the same entries.
 */
function billableSql(d: Draft, tz: string): P.Sql {
  const range = d.from && d.to ? dayRange(d.from, d.to, tz) : null;
  const period = range ? P.sql`AND e.start >= ${range.from} AND e.start < ${range.to}` : P.empty;
  const projects = d.projectIds.length ? P.sql`AND e.project_id = ANY(${d.projectIds}::uuid[])` : P.empty;
  return P.sql`time_entries e JOIN projects p ON p.id = e.project_id
       WHERE p.client_id = ${d.clientId}::uuid ${projects}
         AND e.billable AND e."end" IS NOT NULL ${period}
         AND NOT EXISTS (SELECT 1 FROM invoice_entries c WHERE c.entry_id = e.id)`;
}

/**
 * What pricing needs of an entry. Times as milliseconds (exact: the columns hold milliseconds), so
 * 20,000 timestamps are not parsed from text into Dates twice over (driver, then adapter).
 */
interface EntryRow {
  id: string;
  userId: string;
  projectId: string;
  taskId: string | null;
  startMs: number;
  endMs: number;
  notes: string;
}
const entryColumns = (e: string) =>
  P.raw(`${e}.id, ${e}.user_id AS "userId", ${e}.project_id AS "projectId", ${e}.task_id AS "taskId",
    (extract(epoch FROM ${e}.start) * 1000)::float8 AS "startMs",
    (extract(epoch FROM ${e}."end") * 1000)::float8 AS "endMs", ${e}.notes`);

/**
 * Billable entries from plain entry rows, sorted by start. The project, task and person names come
 * from three small lookups rather than a join per row: a year of a busy client is ~10,000 entries
 * over a handful of projects, tasks and people (measured: npm run bench, invoice_from_year_of_time).
 */
async function toBillable(tx: Tx, rows: EntryRow[], tz: string): Promise<BillableEntry[]> {
  const distinct = (k: "projectId" | "taskId" | "userId") => [
    ...new Set(rows.map((r) => r[k]).filter((v): v is string => v !== null)),
  ];
  const [projects, tasks, users] = await Promise.all([
    tx.project.findMany({ where: { id: { in: distinct("projectId") } }, select: { id: true, name: true } }),
    tx.task.findMany({ where: { id: { in: distinct("taskId") } }, select: { id: true, name: true } }),
    tx.user.findMany({
      where: { id: { in: distinct("userId") } },
      select: { id: true, fullName: true, username: true },
    }),
  ]);
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const taskName = new Map(tasks.map((t) => [t.id, t.name]));
  const userName = new Map(users.map((u) => [u.id, u.fullName || u.username]));
  // The SQL sorts already (this pass is then linear); kept so the order never depends on a plan.
  rows.sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The day in the organization's zone; the rows are in start order, so localDayOf calls Intl about
  // once per day rather than per entry (~5 µs and a dozen objects each, × 10,000 entries, twice).
  const dayOf = localDayOf(tz);
  const out: BillableEntry[] = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      userId: r.userId,
      projectId: r.projectId,
      taskId: r.taskId,
      day: dayOf(r.startMs),
      ms: r.endMs - r.startMs,
      notes: r.notes,
      projectName: projectName.get(r.projectId) ?? "",
      taskName: r.taskId ? (taskName.get(r.taskId) ?? null) : null,
      userName: userName.get(r.userId) ?? "",
    });
  }
  return out;
}

/**
 * Claims the entries billableSql() describes for `invoiceId` and returns them: one statement that
 * inserts the narrow claim rows (rather than rewriting ~10,000 wide entry rows and their indexes).
 * `FOR SHARE` waits for an edit of one of them in progress and then bills the entry as edited (or
 * not at all, if it no longer qualifies); an edit that comes later waits for this transaction and
 * then finds the claim (entry-lock.ts). A concurrent draft that claimed an entry first wins it:
 * ON CONFLICT skips it here, so the count comes out short and the caller says so.
 */
async function claimEntries(tx: Tx, d: Draft, tz: string, invoiceId: string): Promise<EntryRow[]> {
  return tx.$queryRaw<EntryRow[]>`
    WITH picked AS (
      SELECT e.id, e.user_id, e.project_id, e.task_id, e.start, e."end", e.notes
        FROM ${billableSql(d, tz)}
       ORDER BY e.id
         FOR SHARE OF e
    ), claimed AS (
      INSERT INTO invoice_entries (entry_id, invoice_id)
      SELECT id, ${invoiceId}::uuid FROM picked
          ON CONFLICT (entry_id) DO NOTHING
      RETURNING entry_id
    )
    SELECT ${entryColumns("k")}
      FROM picked k JOIN claimed c ON c.entry_id = k.id
     ORDER BY k.start, k.id`;
}

/** The entries a draft would claim now (the preview), without claiming them. */
async function readEntries(d: Draft, tz: string): Promise<BillableEntry[]> {
  const rows = await db().$queryRaw<EntryRow[]>`
    SELECT ${entryColumns("e")} FROM ${billableSql(d, tz)} ORDER BY e.start, e.id`;
  return toBillable(db(), rows, tz);
}

/**
 * Reads what pricing needs (tax rates, the rate table) and checks the manual lines, before any
 * transaction: PGlite has one connection, so a read outside the transaction inside it would wait forever.
 */
async function linePlan(d: Draft, currency: string, rule: "half-up" | "half-even") {
  const reverse = d.reverseCharge;
  const timeTax = reverse ? REVERSE_CHARGE : await taxRateFor(d.taxRateId);
  const rates = d.includeTime ? await loadRateTable() : null;
  const manual: DraftLine[] = [];
  for (const [i, m] of d.manualLines.entries()) {
    const price = parseAmount(m.unitPrice, currency);
    const qty = parseAmount(m.quantity, "KWD"); // three decimals: thousandths
    const field = (k: string, message: string) =>
      new AppError("VALIDATION", message, { [`manualLines.${i}.${k}`]: [message] });
    if (price === null) throw field("unitPrice", `Enter an amount in ${currency}, such as 85 or 85.50.`);
    if (price < 0) throw field("unitPrice", "Enter a positive amount; use a discount line to subtract.");
    if (qty === null) throw field("quantity", "Enter a quantity such as 1 or 2.5 (at most three decimals).");
    if (qty < 0) throw field("quantity", "A quantity cannot be negative.");
    const tax = reverse ? REVERSE_CHARGE : await taxRateFor(m.taxRateId);
    manual.push(manualLine({ ...m, quantityMilli: qty, unitPrice: price, discountBp: m.discountPercent }, tax, rule));
  }
  return (entries: BillableEntry[], expenses: BillableExpense[]): DraftLine[] => [
    ...(entries.length && rates ? timeLines(entries, d.groupBy, rates, { tax: timeTax, rule, currency }) : []),
    ...expenseLines(expenses, d.expenseGrouping),
    ...manual,
  ];
}

/** What a draft would contain, without writing anything. */
export async function previewInvoice(actor: Caller, input: TInvoiceDraft): Promise<InvoicePreview> {
  assertAdmin(actor, "create invoices");
  const d = ZInvoiceDraft.parse(input);
  const { settings, org, client, currency } = await billingContext(actor, d);
  const plan = await linePlan(d, currency, settings.rounding);
  const entries = d.includeTime ? await readEntries(d, org.timezone) : [];
  const expenses = billsExpenses(d) ? await readExpenses(db(), expenseWhere(d, null), d.reverseCharge) : [];
  const lines = plan(entries, expenses);
  if (lines.length === 0) throw new AppError("VALIDATION", NOTHING);
  const priced = priceLines(lines, settings.priceMode, settings.rounding);
  return {
    clientId: client.id,
    clientName: client.name,
    currency,
    entryCount: entries.length,
    expenseCount: expenses.length,
    ...priced,
  };
}

/** Creates a draft in one transaction: the invoice, its claimed entries and its lines, or nothing. */
export async function createInvoiceDraft(actor: Caller, input: TInvoiceDraft): Promise<{ id: string }> {
  assertAdmin(actor, "create invoices");
  const d = ZInvoiceDraft.parse(input);
  const { settings, org, client, currency } = await billingContext(actor, d);
  const tz = org.timezone;
  const plan = await linePlan(d, currency, settings.rounding);
  const result = await db().$transaction(async (tx) => {
    const inv = await tx.invoice.create({
      data: {
        clientId: client.id,
        currency,
        priceMode: settings.priceMode,
        rounding: settings.rounding === "half-even" ? "half_even" : "half_up",
        periodFrom: d.from ? new Date(`${d.from}T00:00:00Z`) : null,
        periodTo: d.to ? new Date(`${d.to}T00:00:00Z`) : null,
        notes: d.notes,
        reverseCharge: d.reverseCharge,
        exchangeRate: d.exchangeRate,
        createdById: actor.id,
      },
      select: { id: true },
    });
    // Claim first: a concurrent draft waits on these claims and then finds them taken. One statement
    // claims and returns them, so they are not read a second time.
    const claimedRows = d.includeTime ? await claimEntries(tx, d, tz, inv.id) : [];
    const claimed = claimedRows.length;
    if (d.expectedEntries !== undefined && claimed !== d.expectedEntries) {
      throw new AppError(
        "CONFLICT",
        `The billable entries changed since the preview (${d.expectedEntries} then, ${claimed} now): another invoice may have billed some of them. Preview again.`,
      );
    }
    const claimedExpenses = billsExpenses(d)
      ? (await tx.expense.updateMany({ where: expenseWhere(d, null), data: { invoiceId: inv.id } })).count
      : 0;
    if (d.expectedExpenses !== undefined && claimedExpenses !== d.expectedExpenses) {
      throw new AppError(
        "CONFLICT",
        `The billable expenses changed since the preview (${d.expectedExpenses} then, ${claimedExpenses} now): another invoice may have billed some of them. Preview again.`,
      );
    }
    const entries = claimed ? await toBillable(tx, claimedRows, tz) : [];
    const expenses = claimedExpenses ? await readExpenses(tx, { invoiceId: inv.id }, d.reverseCharge) : [];
    const lines = plan(entries, expenses);
    if (lines.length === 0) throw new AppError("VALIDATION", NOTHING);
    const { lines: priced, totals } = priceLines(lines, settings.priceMode, settings.rounding);
    await writeLines(tx, inv.id, priced);
    await tx.invoice.update({
      where: { id: inv.id },
      data: { netMinor: totals.net, taxMinor: totals.tax, totalMinor: totals.total },
    });
    return {
      id: inv.id,
      lines: priced.length,
      entries: entries.length,
      expenses: expenses.length,
      total: totals.total,
    };
  }, INVOICE_TX);
  incrementInvoices("created");
  track(
    "invoice.created",
    {
      invoice_id: result.id,
      client_id: client.id,
      num_lines: result.lines,
      num_entries: result.entries,
      num_expenses: result.expenses,
      group_by: d.groupBy,
      amount_band: amountBand(result.total, minorDigits(currency)),
    },
    { userId: actorUserId(actor) },
  );
  return { id: result.id };
}

export async function writeLines(tx: Tx, invoiceId: string, lines: readonly PricedLine[]): Promise<void> {
  await tx.invoiceLine.createMany({
    data: lines.map((l, position) => ({
      invoiceId,
      position,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPrice: l.unitPrice,
      discountBp: l.discountBp,
      amount: l.amount,
      taxName: l.tax.name,
      taxRateBp: l.tax.rateBp,
      taxMinor: l.taxMinor,
    })),
  });
}

/** Deletes a draft and releases its entries (they become billable again). */
export async function deleteInvoiceDraft(actor: Caller, input: TById): Promise<void> {
  assertAdmin(actor, "delete invoices");
  const { id } = ZById.parse(input);
  const released = await db().$transaction(async (tx) => {
    const inv = await tx.invoice.findUnique({ where: { id }, select: { status: true } });
    if (!inv) throw new AppError("NOT_FOUND", "That invoice does not exist.");
    if (inv.status !== "draft") {
      throw new AppError(
        "CONFLICT",
        "Only a draft can be deleted. Cancel an issued invoice with a credit note instead.",
      );
    }
    const { count } = await tx.invoiceEntry.deleteMany({ where: { invoiceId: id } });
    await tx.expense.updateMany({ where: { invoiceId: id }, data: { invoiceId: null } });
    await tx.invoice.delete({ where: { id } });
    return count;
  }, INVOICE_TX);
  track("invoice.draft_deleted", { invoice_id: id, num_entries: released }, { userId: actorUserId(actor) });
}

/** Adds a manual or discount line to a draft and recomputes its totals (taxes per rate over all lines). */
export async function addDraftLine(actor: Caller, input: TDraftLine): Promise<void> {
  assertAdmin(actor, "edit invoices");
  const { invoiceId } = ZDraftLine.parse(input);
  // The line as typed: ZInvoiceDraft parses it again (percentages and amounts are text until then).
  const { invoiceId: _id, ...line } = input;
  const inv = await db().invoice.findUnique({
    where: { id: invoiceId },
    select: { status: true, currency: true, reverseCharge: true, priceMode: true, rounding: true },
  });
  if (!inv) throw new AppError("NOT_FOUND", "That invoice does not exist.");
  if (inv.status !== "draft") throw new AppError("CONFLICT", "An issued invoice cannot be changed.");
  const rule = inv.rounding === "half_even" ? "half-even" : "half-up";
  const d = ZInvoiceDraft.parse({
    clientId: invoiceId, // unused by linePlan: only the manual line is priced here
    includeTime: false,
    reverseCharge: inv.reverseCharge,
    manualLines: [line],
  });
  const [added] = (await linePlan(d, inv.currency, rule))([], []);
  await db().$transaction(async (tx) => {
    // Locks the draft row (an issue in between wins or waits); an empty update would match nothing.
    const { count } = await tx.invoice.updateMany({
      where: { id: invoiceId, status: "draft" },
      data: { updatedAt: new Date() },
    });
    if (count !== 1) throw new AppError("CONFLICT", "An issued invoice cannot be changed.");
    const rows = await tx.invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    const lines: DraftLine[] = rows.map((r) => ({
      kind: r.kind,
      description: r.description,
      quantityMilli: r.quantityMilli,
      unitPrice: r.unitPrice,
      discountBp: r.discountBp,
      amount: r.amount,
      tax: { name: r.taxName, rateBp: r.taxRateBp },
    }));
    const { lines: priced, totals } = priceLines([...lines, added], inv.priceMode, rule);
    await tx.invoiceLine.deleteMany({ where: { invoiceId } });
    await writeLines(tx, invoiceId, priced);
    await tx.invoice.update({
      where: { id: invoiceId },
      data: { netMinor: totals.net, taxMinor: totals.tax, totalMinor: totals.total },
    });
  }, INVOICE_TX);
}
