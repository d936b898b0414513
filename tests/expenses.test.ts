// Expenses against a real database (PGlite, and PostgreSQL under npm run test:pg): recording and
// scoping (members their own, admins everyone's), bad input, exact totals, and billing: expenses on
// an invoice with their own tax rates, locked while billed, released by deleting the draft or by a
// credit note, and two admins billing the same expenses at once.
import { execFileSync } from "node:child_process";
import { db } from "@/lib/db";
import { createManualEntry } from "@/lib/services/entries";
import { createExpense, deleteExpense, listExpenses, updateExpense } from "@/lib/services/expenses";
import { cancelInvoice, issueInvoice } from "@/lib/services/invoice-lifecycle";
import { renderInvoicePdf } from "@/lib/services/invoice-pdf";
import { exportInvoicesCsv, getInvoice } from "@/lib/services/invoice-queries";
import { createTaxRate, updateClientBilling } from "@/lib/services/invoice-settings";
import { createInvoiceDraft, deleteInvoiceDraft, previewInvoice } from "@/lib/services/invoices";
import { systemActor } from "@/lib/services/actor";
import { budgetAlerts, resetBudgetAlertCache } from "@/lib/services/budget-alerts";
import { projectTotals } from "@/lib/services/project-stats";
import { createProject, deleteProject, getProject, setProjectArchived } from "@/lib/services/projects";
import { updateOrgSettings } from "@/lib/services/settings";
import { actionCodeOf } from "./helpers/errors";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
let vat: { id: string };
let reduced: { id: string };

beforeAll(async () => {
  s = await seedTracking();
  vat = await createTaxRate(s.admin, { name: "VAT", ratePercent: "19" });
  reduced = await createTaxRate(s.admin, { name: "Reduced VAT", ratePercent: "7" });
});
beforeEach(async () => {
  await db().invoiceEntry.deleteMany();
  await db().expense.updateMany({ data: { invoiceId: null } });
  await db().invoice.updateMany({ data: { creditedId: null } });
  await db().invoiceLine.deleteMany();
  await db().invoice.deleteMany();
  await db().invoiceCounter.deleteMany();
  await db().timeEntry.deleteMany();
  await db().expense.deleteMany();
  await db().client.update({ where: { id: s.client.id }, data: { currency: null } });
});

const expense = (
  who: { id: string; role: "admin" | "user" },
  over: Partial<Parameters<typeof createExpense>[1]> = {},
) => createExpense(who, { projectId: s.project.id, date: "2026-03-10", amount: "10", ...over });

const fieldErrorsOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { fieldErrors?: Record<string, string[]>; message?: string }) => ({ ...e.fieldErrors, message: e.message }),
  );

describe("recording and scoping", () => {
  it("stores exact minor units in the client's currency and sums them per currency", async () => {
    await expense(s.alice, { amount: "12.34", category: "Travel" });
    await expense(s.alice, { amount: "0.10", billable: false });
    await expense(s.alice, { amount: "1,234.56" });
    const { expenses, totals } = await listExpenses(s.alice);
    expect(expenses.map((e) => e.amountMinor).sort((a, b) => a - b)).toEqual([10, 1234, 123456]);
    expect(totals).toEqual([{ currency: "EUR", amountMinor: 124700, billableMinor: 124690 }]);
    // A client billed in yen: no minor digits, so "1500" is 1500 and "12.5" is refused.
    await updateClientBilling(s.admin, { id: s.client.id, currency: "JPY", taxId: "" });
    const yen = await expense(s.alice, { amount: "1500" });
    expect([yen.amountMinor, yen.currency]).toEqual([1500, "JPY"]);
    expect(await actionCodeOf(expense(s.alice, { amount: "12.5" }))).toBe("VALIDATION");
  });

  it("a member sees and changes only their own expenses; an admin sees and changes everyone's", async () => {
    const mine = await expense(s.alice, { description: "Train" });
    await expense(s.bob, { description: "Bus" });
    expect((await listExpenses(s.alice)).expenses.map((e) => e.description)).toEqual(["Train"]);
    expect((await listExpenses(s.bob)).expenses.map((e) => e.description)).toEqual(["Bus"]);
    expect((await listExpenses(s.admin)).expenses.map((e) => e.description).sort()).toEqual(["Bus", "Train"]);
    const edit = { id: mine.id, projectId: s.project.id, date: "2026-03-11", amount: "99" };
    expect(await actionCodeOf(updateExpense(s.bob, edit))).toBe("NOT_FOUND");
    expect(await actionCodeOf(deleteExpense(s.bob, { id: mine.id }))).toBe("NOT_FOUND");
    expect((await db().expense.findUniqueOrThrow({ where: { id: mine.id } })).amountMinor).toBe(1000);
    const byAdmin = await updateExpense(s.admin, { ...edit, description: "Train (corrected)" });
    expect([byAdmin.amountMinor, byAdmin.userId, byAdmin.date]).toEqual([9900, s.alice.id, "2026-03-11"]);
    await deleteExpense(s.admin, { id: mine.id });
    expect(await db().expense.count({ where: { id: mine.id } })).toBe(0);
  });

  it("filters by project and period", async () => {
    const other = await createProject(s.alice, { clientId: s.client.id, name: `Other${Math.random()}` });
    await expense(s.alice, { date: "2026-03-01", description: "a" });
    await expense(s.alice, { date: "2026-03-15", description: "b" });
    await expense(s.alice, { date: "2026-03-15", description: "c", projectId: other.id });
    const names = async (f: Parameters<typeof listExpenses>[1]) =>
      (await listExpenses(s.alice, f)).expenses.map((e) => e.description).sort();
    expect(await names({ from: "2026-03-10", to: "2026-03-31" })).toEqual(["b", "c"]);
    expect(await names({ projectId: s.project.id })).toEqual(["a", "b"]);
    expect((await listExpenses(s.alice, { projectId: other.id })).totals[0].amountMinor).toBe(1000);
  });
});

describe("bad input", () => {
  it("refuses negative, zero and non-amounts, unknown or archived projects and made-up tax rates, writing nothing", async () => {
    expect(await fieldErrorsOf(expense(s.alice, { amount: "-5" }))).toMatchObject({
      amount: ["An expense is more than zero."],
    });
    expect(await actionCodeOf(expense(s.alice, { amount: "0" }))).toBe("VALIDATION");
    expect(await actionCodeOf(expense(s.alice, { amount: "ten" }))).toBe("VALIDATION");
    expect(await actionCodeOf(expense(s.alice, { amount: "1.234" }))).toBe("VALIDATION");
    expect(await actionCodeOf(expense(s.alice, { amount: "99999999999" }))).toBe("VALIDATION");
    expect(await actionCodeOf(expense(s.alice, { projectId: crypto.randomUUID() }))).toBe("VALIDATION");
    expect(await actionCodeOf(expense(s.alice, { projectId: "not-an-id" }))).toBe("VALIDATION");
    expect(await fieldErrorsOf(expense(s.alice, { taxRateId: crypto.randomUUID() }))).toMatchObject({
      taxRateId: ["Choose a tax rate from the list."],
    });
    expect(await actionCodeOf(expense(s.alice, { date: "2026-02-30" }))).toBe("VALIDATION");
    expect(await actionCodeOf(expense(s.alice, { category: "x".repeat(61) }))).toBe("VALIDATION");
    const archived = await createProject(s.alice, { clientId: s.client.id, name: `Old${Math.random()}` });
    await setProjectArchived(s.alice, { id: archived.id, archived: true });
    expect(await actionCodeOf(expense(s.alice, { projectId: archived.id }))).toBe("VALIDATION");
    expect(await db().expense.count()).toBe(0);
  });
});

describe("invoicing expenses", () => {
  const draft = (over: Record<string, unknown> = {}) => ({
    clientId: s.client.id,
    from: "2026-03-01",
    to: "2026-03-31",
    taxRateId: vat.id,
    ...over,
  });

  it("time lines + expense lines = the invoice total, taxes per rate, each expense at its own rate", async () => {
    // The seed's client rate is 100.00/h: 1 h → 100.00 at 19 %.
    await createManualEntry(s.alice, {
      projectId: s.project.id,
      date: "2026-03-02",
      startTime: "09:00",
      duration: "1h",
    });
    await expense(s.alice, { amount: "12.50", taxRateId: reduced.id, category: "Books" });
    await expense(s.bob, { amount: "30", taxRateId: vat.id, category: "Travel" });
    await expense(s.alice, { amount: "5", category: "Travel" }); // no tax
    await expense(s.alice, { amount: "7", billable: false }); // never billed
    await expense(s.alice, { amount: "8", date: "2026-04-01" }); // outside the period
    const p = await previewInvoice(s.admin, draft());
    expect([p.entryCount, p.expenseCount]).toEqual([1, 3]);
    expect(p.lines.map((l) => [l.kind, l.amount, l.tax.rateBp])).toEqual([
      ["time", 10000, 1900],
      ["expense", 1250, 700],
      ["expense", 3000, 1900],
      ["expense", 500, 0],
    ]);
    // 19 % of 130.00 = 24.70; 7 % of 12.50 = 0.875 → 0.88 (half-up, per rate); no tax on 5.00.
    expect(p.totals.taxes.map((t) => [t.rateBp, t.net, t.tax])).toEqual(
      expect.arrayContaining([
        [1900, 13000, 2470],
        [700, 1250, 88],
        [0, 500, 0],
      ]),
    );
    expect(p.totals.net).toBe(p.lines.reduce((a, l) => a + l.amount, 0));
    expect([p.totals.net, p.totals.tax, p.totals.total]).toEqual([14750, 2558, 17308]);

    const { id } = await createInvoiceDraft(s.admin, draft({ expectedEntries: 1, expectedExpenses: 3 }));
    const inv = await getInvoice(s.admin, id);
    expect(inv.totalMinor).toBe(17308);
    expect(inv.lines.filter((l) => l.kind === "expense").map((l) => l.description)).toEqual([
      "2026-03-10 Website – Books",
      "2026-03-10 Website – Travel",
      "2026-03-10 Website – Travel",
    ]);
    expect(await db().expense.count({ where: { invoiceId: id } })).toBe(3);
    expect(await db().expense.count({ where: { invoiceId: null } })).toBe(2);
  });

  const hasPoppler = (() => {
    try {
      execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  if (!hasPoppler && process.env.CI) throw new Error("pdftotext is missing (apt install poppler-utils)");
  (hasPoppler ? it : it.skip)("the PDF and the CSV show the expense lines", async () => {
    await createManualEntry(s.alice, {
      projectId: s.project.id,
      date: "2026-03-02",
      startTime: "09:00",
      duration: "1h",
    });
    await expense(s.alice, { amount: "42.17", category: "Hotel", description: "Two nights", taxRateId: reduced.id });
    const { id } = await createInvoiceDraft(s.admin, draft());
    await issueInvoice(s.admin, { id, issueDate: "2026-04-01" });
    const { pdf } = await renderInvoicePdf(s.admin, id);
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");
    expect(text).toContain("2026-03-10 Website – Hotel: Two nights");
    expect(text).toContain("42.17");
    const inv = await getInvoice(s.admin, id);
    // 100.00 at 19 % + 42.17 at 7 % (2.9519 → 2.95).
    expect([inv.netMinor, inv.taxMinor, inv.totalMinor]).toEqual([14217, 1900 + 295, 14217 + 2195]);
    const [header, row] = (await exportInvoicesCsv(s.admin, {})).replace("\uFEFF", "").trim().split("\r\n");
    const cells = Object.fromEntries(header.split(",").map((name, i) => [name, row.split(",")[i]]));
    expect(cells).toMatchObject({ Net: "142.17", Tax: "21.95", Total: "164.12", Paid: "0.00", Outstanding: "164.12" });
    // In the home currency: no exchange rate, the total itself.
    expect(cells).toMatchObject({ Expenses: "42.17", "Exchange rate": "", "Total (home currency)": "164.12" });
  });

  it("groups by category and tax rate on request", async () => {
    await expense(s.alice, { amount: "10", category: "Travel", taxRateId: vat.id });
    await expense(s.alice, { amount: "2.50", category: "Travel", taxRateId: vat.id });
    await expense(s.alice, { amount: "4", category: "Travel", taxRateId: reduced.id });
    await expense(s.alice, { amount: "1", category: "" });
    const p = await previewInvoice(s.admin, draft({ expenseGrouping: "category", includeTime: false }));
    expect(p.lines.map((l) => [l.description, l.amount, l.tax.rateBp])).toEqual([
      ["Expenses: Travel (2 items)", 1250, 1900],
      ["Expenses: Travel (1 item)", 400, 700],
      ["Expenses: Other (1 item)", 100, 0],
    ]);
  });

  it("an issued invoice locks its expenses; the credit note releases them; deleting a draft releases them", async () => {
    const e = await expense(s.alice, { amount: "20" });
    const edit = { id: e.id, projectId: s.project.id, date: "2026-03-10", amount: "25" };
    const d1 = await createInvoiceDraft(s.admin, draft({ includeTime: false }));
    expect(await fieldErrorsOf(updateExpense(s.alice, edit))).toMatchObject({
      message: expect.stringContaining("on a draft invoice"),
    });
    await deleteInvoiceDraft(s.admin, { id: d1.id });
    expect((await db().expense.findUniqueOrThrow({ where: { id: e.id } })).invoiceId).toBeNull();

    const d2 = await createInvoiceDraft(s.admin, draft({ includeTime: false }));
    const { number } = await issueInvoice(s.admin, { id: d2.id, issueDate: "2026-04-01" });
    for (const who of [s.alice, s.admin]) {
      expect(await actionCodeOf(updateExpense(who, edit))).toBe("CONFLICT");
      expect(await fieldErrorsOf(deleteExpense(who, { id: e.id }))).toMatchObject({
        message: `This expense is billed on invoice ${number}. An admin can reopen it by cancelling the invoice with a credit note.`,
      });
    }
    expect((await listExpenses(s.alice)).expenses[0].invoiceNumber).toBe(number);
    // A second invoice for the same period finds nothing left to bill.
    expect(await actionCodeOf(createInvoiceDraft(s.admin, draft({ includeTime: false })))).toBe("VALIDATION");

    const { creditNoteId } = await cancelInvoice(s.admin, { id: d2.id });
    expect((await getInvoice(s.admin, creditNoteId)).totalMinor).toBe(-2000);
    expect((await updateExpense(s.alice, edit)).amountMinor).toBe(2500);
  });

  it("refuses a draft while some of the period's expenses are in another currency than the client's", async () => {
    await expense(s.alice, { amount: "20" }); // EUR, the organization's currency
    await updateClientBilling(s.admin, { id: s.client.id, currency: "USD", taxId: "" });
    const err = await fieldErrorsOf(createInvoiceDraft(s.admin, draft({ includeTime: false })));
    expect(err?.message).toMatch(/1 billable expense is in EUR, but this client is billed in USD/);
    expect(await db().invoice.count()).toBe(0);
  });

  it("two admins billing the same expenses at once: one draft, the other a clear refusal", async () => {
    for (let d = 1; d <= 6; d++) await expense(s.alice, { amount: `${d}`, date: `2026-03-0${d}` });
    const results = await Promise.allSettled([
      createInvoiceDraft(s.admin, draft({ includeTime: false, expectedExpenses: 6 })),
      createInvoiceDraft(s.admin, draft({ includeTime: false, expectedExpenses: 6 })),
    ]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0].reason)).toMatch(/another invoice|Nothing to bill/);
    expect(await db().invoice.count()).toBe(1);
    expect(await db().expense.count({ where: { invoiceId: null } })).toBe(0);
  });
});

describe("project totals and budgets", () => {
  it("include billable expenses in the amount for those who may see money, and nothing for the others", async () => {
    const p = await createProject(s.admin, {
      clientId: s.client.id,
      name: `Budget${Math.random()}`,
      budgetCents: "300",
    });
    // 1 h at the client's 100.00 + 150.00 of billable expenses = 250.00 of a 300.00 budget (83 %).
    await createManualEntry(s.alice, { projectId: p.id, date: "2026-03-02", startTime: "09:00", duration: "1h" });
    await expense(s.alice, { projectId: p.id, amount: "150" });
    await expense(s.alice, { projectId: p.id, amount: "99", billable: false });
    const [t] = await projectTotals(s.admin, [p.id]);
    expect([t.amountCents, t.expenseCents, t.consumedPercent, t.alert]).toEqual([25000, 15000, 83.3, true]);
    resetBudgetAlertCache();
    const projects = [await getProject(s.admin, p.id)];
    expect((await budgetAlerts(s.admin, projects)).map((a) => a.amountCents)).toEqual([25000]);

    await updateOrgSettings(systemActor("test:money"), { membersSeeMoney: false });
    try {
      const [hidden] = await projectTotals(s.alice, [p.id]);
      expect([hidden.amountCents, hidden.expenseCents, hidden.budgetCents]).toEqual([null, null, null]);
    } finally {
      await updateOrgSettings(systemActor("test:money"), { membersSeeMoney: true });
    }
    // A project with expenses is archived, not deleted (the expenses stay).
    await db().timeEntry.deleteMany({ where: { projectId: p.id } });
    expect(await actionCodeOf(deleteProject(s.admin, { id: p.id }))).toBe("CONFLICT");
  });
});
