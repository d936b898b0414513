// Invoicing against a real database (PGlite, and PostgreSQL under npm run test:pg): the rate
// hierarchy, drafts from unbilled time, locking, gapless numbers under concurrency, payments,
// credit notes, and each kind of bad input leaving nothing half-written.
import { db } from "@/lib/db";
import { createManualEntry, deleteEntry, updateEntry } from "@/lib/services/entries";
import { cancelInvoice, issueInvoice, recordPayment } from "@/lib/services/invoice-lifecycle";
import { exportInvoicesCsv, getInvoice, listInvoices } from "@/lib/services/invoice-queries";
import { createTaxRate, updateClientBilling, updateInvoiceSettings } from "@/lib/services/invoice-settings";
import { addDraftLine, createInvoiceDraft, deleteInvoiceDraft, previewInvoice } from "@/lib/services/invoices";
import { createRate } from "@/lib/services/rates";
import { createProject } from "@/lib/services/projects";
import { actionCodeOf } from "./helpers/errors";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
let app: { id: string };

beforeAll(async () => {
  s = await seedTracking();
  app = await createProject(s.alice, { clientId: s.client.id, name: "App", billable: true });
});
beforeEach(async () => {
  await db().invoiceEntry.deleteMany();
  await db().payment.deleteMany();
  await db().invoice.updateMany({ data: { creditedId: null } });
  await db().invoiceLine.deleteMany();
  await db().invoice.deleteMany();
  await db().timeEntry.deleteMany();
  await db().rate.deleteMany();
  await db().taxRate.deleteMany();
  await db().invoiceCounter.deleteMany();
  await db().client.update({ where: { id: s.client.id }, data: { currency: null } });
});

const track = (who: { id: string; role: "admin" | "user" }, projectId: string, date: string, duration: string) =>
  createManualEntry(who, { projectId, date, startTime: "09:00", duration, notes: "work" });

const draftFor = (over: Record<string, unknown> = {}) => ({
  clientId: s.client.id,
  from: "2026-03-01",
  to: "2026-03-31",
  ...over,
});

describe("rates", () => {
  it("most specific level wins, and a change applies from its day only", async () => {
    // Client default from the seed: 100.00/h.
    await track(s.alice, s.project.id, "2026-03-02", "1h");
    await track(s.bob, s.project.id, "2026-03-02", "1h");
    await track(s.alice, app.id, "2026-03-02", "1h");
    await track(s.alice, s.project.id, "2026-03-20", "1h");
    await createRate(s.admin, { level: "organization", effectiveFrom: "2020-01-01", hourlyRate: "10" });
    await createRate(s.admin, { level: "member", userId: s.alice.id, effectiveFrom: "2020-01-01", hourlyRate: "120" });
    await createRate(s.admin, {
      level: "project",
      projectId: s.project.id,
      effectiveFrom: "2020-01-01",
      hourlyRate: "90",
    });
    await createRate(s.admin, {
      level: "project_member",
      projectId: s.project.id,
      userId: s.alice.id,
      effectiveFrom: "2026-03-15",
      hourlyRate: "150",
    });
    const p = await previewInvoice(s.admin, draftFor({ groupBy: "entry" }));
    // Same start times: sort to compare (line order follows start, then id).
    const amounts = p.lines.map((l) => [l.description.slice(0, 18), l.unitPrice, l.amount]).sort();
    expect(amounts).toEqual([
      ["2026-03-02 App: wo", 12000, 12000], // alice on App: her member rate 120 beats the client's 100
      ["2026-03-02 Website", 9000, 9000], // alice on Website before her project rate: project 90
      ["2026-03-02 Website", 9000, 9000], // bob: project 90
      ["2026-03-20 Website", 15000, 15000], // alice on Website after 15 March: project member 150
    ]);
    expect(p.totals.total).toBe(45000);
  });

  it("refuses a rate without its project, or a negative amount", async () => {
    expect(
      await actionCodeOf(createRate(s.admin, { level: "project", effectiveFrom: "2026-01-01", hourlyRate: "5" })),
    ).toBe("VALIDATION");
    expect(
      await actionCodeOf(createRate(s.admin, { level: "organization", effectiveFrom: "2026-01-01", hourlyRate: "-5" })),
    ).toBe("VALIDATION");
    expect(
      await actionCodeOf(createRate(s.alice, { level: "organization", effectiveFrom: "2026-01-01", hourlyRate: "5" })),
    ).toBe("FORBIDDEN");
  });
});

describe("an invoice's life", () => {
  it("draft → issued → partly paid → paid; entries locked; a credit note reopens them", async () => {
    await createTaxRate(s.admin, { name: "VAT", ratePercent: "19", isDefault: "on" });
    const e1 = await track(s.alice, s.project.id, "2026-03-02", "1h 30m");
    await track(s.bob, s.project.id, "2026-03-03", "2h");
    await track(s.alice, app.id, "2026-03-04", "20m");
    await track(s.alice, app.id, "2026-04-04", "1h"); // outside the period

    const preview = await previewInvoice(s.admin, draftFor());
    expect(preview.entryCount).toBe(3);
    expect(preview.lines.map((l) => [l.description, l.quantityMilli, l.amount])).toEqual([
      ["Website", 3500, 35000],
      ["App", 333, 3333], // 20 min at 100.00/h = 33.333… → 33.33
    ]);
    expect(preview.totals).toMatchObject({ net: 38333, tax: 7283, total: 45616 }); // 19 % of 383.33 = 72.83

    const { id } = await createInvoiceDraft(s.admin, {
      ...draftFor(),
      expectedEntries: 3,
      manualLines: [{ description: "Hosting", quantity: "2", unitPrice: "10" }],
    });
    let inv = await getInvoice(s.admin, id);
    expect(inv).toMatchObject({ status: "draft", number: null, entryCount: 3, totalMinor: 45616 + 2380 });

    // Locked while on the draft, with a message that says why.
    await expect(
      updateEntry(s.alice, {
        id: e1.id,
        projectId: s.project.id,
        date: "2026-03-02",
        startTime: "09:00",
        duration: "2h",
      }),
    ).rejects.toThrow(/draft invoice/);
    await expect(deleteEntry(s.alice, { id: e1.id })).rejects.toThrow(/draft invoice/);

    const { number } = await issueInvoice(s.admin, { id }); // today, due in 14 days (the default)
    expect(number).toMatch(/^INV-\d{4}-0001$/);
    inv = await getInvoice(s.admin, id);
    expect(inv.status).toBe("issued");
    expect(Date.parse(inv.dueDate!) - Date.parse(inv.issueDate!)).toBe(14 * 86_400_000);
    await expect(deleteEntry(s.alice, { id: e1.id })).rejects.toThrow(`billed on invoice ${number}`);
    expect(await actionCodeOf(issueInvoice(s.admin, { id }))).toBe("CONFLICT");
    expect(await actionCodeOf(deleteInvoiceDraft(s.admin, { id }))).toBe("CONFLICT");

    expect(await recordPayment(s.admin, { invoiceId: id, date: "2026-04-10", amount: "100", method: "bank" })).toEqual({
      status: "partly_paid",
    });
    expect(
      await actionCodeOf(recordPayment(s.admin, { invoiceId: id, date: "2026-04-11", amount: "1000", method: "" })),
    ).toBe("VALIDATION"); // more than outstanding
    expect(await recordPayment(s.admin, { invoiceId: id, date: "2026-04-12", amount: "379.96", method: "" })).toEqual({
      status: "paid",
    });
    inv = await getInvoice(s.admin, id);
    expect(inv.paidMinor).toBe(inv.totalMinor);

    const cn = await cancelInvoice(s.admin, { id });
    expect(cn.number).toMatch(/^CN-\d{4}-0001$/);
    const credit = await getInvoice(s.admin, cn.creditNoteId);
    expect(credit.totalMinor).toBe(-inv.totalMinor);
    expect(credit.lines.map((l) => l.amount + l.taxMinor)).toEqual(inv.lines.map((l) => -(l.amount + l.taxMinor)));
    expect((await getInvoice(s.admin, id)).status).toBe("cancelled");
    // Reopened: the entry can be edited again and billed anew.
    await deleteEntry(s.alice, { id: e1.id });
    expect((await previewInvoice(s.admin, draftFor())).entryCount).toBe(2);
  });

  it("manual and discount lines on a draft: taxes per rate over all lines", async () => {
    const vat = await createTaxRate(s.admin, { name: "VAT", ratePercent: "19", isDefault: "on" });
    const reduced = await createTaxRate(s.admin, { name: "Reduced", ratePercent: "7" });
    await track(s.alice, s.project.id, "2026-03-02", "1h"); // 100.00 at 19 %
    const { id } = await createInvoiceDraft(s.admin, draftFor());
    await addDraftLine(s.admin, {
      invoiceId: id,
      description: "Book",
      quantity: "2",
      unitPrice: "10",
      taxRateId: reduced.id,
    });
    await addDraftLine(s.admin, {
      invoiceId: id,
      kind: "discount",
      description: "Loyalty",
      unitPrice: "5",
      taxRateId: vat.id,
    });
    await addDraftLine(s.admin, { invoiceId: id, description: "Half off", unitPrice: "3", discountPercent: "50" });
    const inv = await getInvoice(s.admin, id);
    expect(inv.lines.map((l) => l.amount)).toEqual([10000, 2000, -500, 150]);
    expect(inv.taxes).toEqual([
      { name: "VAT", rateBp: 1900, net: 9650, tax: 1834 }, // 19 % of 96.50 = 18.335 → 18.34
      { name: "Reduced", rateBp: 700, net: 2000, tax: 140 },
    ]);
    expect(inv.totalMinor).toBe(11650 + 1834 + 140);
    await issueInvoice(s.admin, { id });
    expect(await actionCodeOf(addDraftLine(s.admin, { invoiceId: id, description: "Late", unitPrice: "1" }))).toBe(
      "CONFLICT",
    );
  });

  it("deleting a draft releases its entries", async () => {
    await track(s.alice, s.project.id, "2026-03-02", "1h");
    const { id } = await createInvoiceDraft(s.admin, draftFor());
    expect(await actionCodeOf(previewInvoice(s.admin, draftFor()))).toBe("VALIDATION"); // nothing left to bill
    await deleteInvoiceDraft(s.admin, { id });
    expect((await previewInvoice(s.admin, draftFor())).entryCount).toBe(1);
    expect(await db().invoice.count()).toBe(0);
  });

  it("gross prices and the client's currency", async () => {
    await updateInvoiceSettings(s.admin, { priceMode: "gross" });
    await updateClientBilling(s.admin, { id: s.client.id, currency: "JPY", taxId: "" });
    await createTaxRate(s.admin, { name: "VAT", ratePercent: "10", isDefault: "on" });
    await createRate(s.admin, {
      level: "client",
      clientId: s.client.id,
      effectiveFrom: "2020-01-01",
      hourlyRate: "11000",
    });
    await track(s.alice, s.project.id, "2026-03-02", "1h");
    const p = await previewInvoice(s.admin, draftFor());
    expect(p.currency).toBe("JPY");
    expect(p.totals).toMatchObject({ total: 11000, net: 10000, tax: 1000 });
    expect(await actionCodeOf(previewInvoice(s.admin, draftFor({ currency: "EUR" })))).toBe("VALIDATION");
    await updateInvoiceSettings(s.admin, { priceMode: "net" });
  });
});

describe("bad input: a clear message and nothing written", () => {
  const nothingWritten = async () => {
    expect(await db().invoice.count()).toBe(0);
    expect(await db().invoiceEntry.count()).toBe(0);
  };

  it.each([
    ["a negative quantity", { manualLines: [{ description: "x", quantity: "-1", unitPrice: "5" }] }, "VALIDATION"],
    ["a negative price", { manualLines: [{ description: "x", quantity: "1", unitPrice: "-5" }] }, "VALIDATION"],
    ["too many decimals", { manualLines: [{ description: "x", quantity: "1", unitPrice: "5.555" }] }, "VALIDATION"],
    ["nothing billable", { from: "2020-01-01", to: "2020-01-31" }, "VALIDATION"],
    ["another currency", { currency: "USD" }, "VALIDATION"],
    ["an unknown tax rate", { taxRateId: "00000000-0000-4000-8000-000000000000" }, "VALIDATION"],
    ["a stale preview", { expectedEntries: 5 }, "CONFLICT"],
  ])("%s", async (_what, over, code) => {
    await track(s.alice, s.project.id, "2026-03-02", "1h");
    expect(await actionCodeOf(createInvoiceDraft(s.admin, draftFor(over)))).toBe(code);
    await nothingWritten();
  });

  it("a tax rate over 100 %", async () => {
    expect(await actionCodeOf(createTaxRate(s.admin, { name: "Silly", ratePercent: "101" }))).toBe("VALIDATION");
  });

  it("non-admins cannot bill", async () => {
    await track(s.alice, s.project.id, "2026-03-02", "1h");
    expect(await actionCodeOf(createInvoiceDraft(s.alice, draftFor()))).toBe("FORBIDDEN");
    await nothingWritten();
  });
});

describe("concurrency", () => {
  it("two admins billing the same entries at once: one draft, the other a clear refusal", async () => {
    for (let d = 2; d <= 9; d++) await track(s.alice, s.project.id, `2026-03-0${d}`, "1h");
    const results = await Promise.allSettled([
      createInvoiceDraft(s.admin, draftFor({ expectedEntries: 8 })),
      createInvoiceDraft(s.admin, draftFor({ expectedEntries: 8 })),
    ]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0].reason)).toMatch(/another invoice|Nothing to bill/);
    expect(await db().invoice.count()).toBe(1);
    expect(await db().timeEntry.count({ where: { claim: { is: null } } })).toBe(0);
  });

  it("issuing many drafts at once gives gapless, unique numbers", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(
        (
          await createInvoiceDraft(s.admin, {
            clientId: s.client.id,
            includeTime: false,
            manualLines: [{ description: `Item ${i}`, quantity: "1", unitPrice: "10" }],
          })
        ).id,
      );
    }
    const numbers = await Promise.all(ids.map((id) => issueInvoice(s.admin, { id, issueDate: "2026-05-01" })));
    expect(numbers.map((n) => n.number).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `INV-2026-${String(i + 1).padStart(4, "0")}`),
    );
    // A new year starts again at 1.
    const next = await createInvoiceDraft(s.admin, {
      clientId: s.client.id,
      includeTime: false,
      manualLines: [{ description: "x", unitPrice: "1" }],
    });
    expect((await issueInvoice(s.admin, { id: next.id, issueDate: "2027-01-02" })).number).toBe("INV-2027-0001");
  });
});

describe("lists", () => {
  it("filters by status and client, sums outstanding and overdue, exports CSV", async () => {
    const mk = async (price: string) =>
      (
        await createInvoiceDraft(s.admin, {
          clientId: s.client.id,
          includeTime: false,
          manualLines: [{ description: "x", unitPrice: price }],
        })
      ).id;
    const overdue = await mk("100");
    await issueInvoice(s.admin, { id: overdue, issueDate: "2020-01-01" });
    const open = await mk("50");
    await issueInvoice(s.admin, { id: open, issueDate: "2199-01-01" });
    await recordPayment(s.admin, { invoiceId: open, date: "2199-01-02", amount: "20", method: "" });
    await mk("7"); // a draft: owes nothing yet

    const all = await listInvoices(s.admin);
    expect(all.invoices).toHaveLength(3);
    expect(all.totals).toEqual([{ currency: "EUR", outstandingMinor: 13000, overdueMinor: 10000 }]);
    expect((await listInvoices(s.admin, { status: "overdue" })).invoices.map((i) => i.id)).toEqual([overdue]);
    expect((await listInvoices(s.admin, { status: "draft" })).invoices).toHaveLength(1);
    expect((await listInvoices(s.admin, { clientId: "00000000-0000-4000-8000-000000000000" })).invoices).toHaveLength(
      0,
    );
    expect((await listInvoices(s.admin, { from: "2199-01-01" })).invoices.map((i) => i.id)).toEqual([open]);

    const csv = await exportInvoicesCsv(s.admin, { status: "overdue" });
    const [header, row] = csv.replace("\uFEFF", "").trim().split("\r\n");
    expect(header).toBe(
      "Number,Type,Status,Client,Issue date,Due date,Currency,Net,Tax,Total,Paid,Outstanding,Expenses,Exchange rate,Total (home currency)",
    );
    expect(row).toBe(
      "INV-2020-0001,Invoice,overdue,Acme,2020-01-01,2020-01-15,EUR,100.00,0.00,100.00,0.00,100.00,0.00,,100.00",
    );
  });
});
