// The manual exchange rate of an invoice (home currency EUR, a client billed in USD): set and
// cleared only while a draft, refused when zero, malformed or for an invoice in the home currency;
// the list's home-currency totals count invoices with a rate and name those without; the PDF
// prints the converted total; a credit note keeps the rate and converts to the exact negative.
import { execFileSync } from "node:child_process";
import { formatMoney } from "@/lib/money";
import { createClient } from "@/lib/services/clients";
import { setDraftExchangeRate } from "@/lib/services/invoice-exchange";
import { cancelInvoice, issueInvoice } from "@/lib/services/invoice-lifecycle";
import { renderInvoicePdf } from "@/lib/services/invoice-pdf";
import { exportInvoicesCsv, getInvoice, listInvoices } from "@/lib/services/invoice-queries";
import { updateClientBilling } from "@/lib/services/invoice-settings";
import { createInvoiceDraft } from "@/lib/services/invoices";
import { actionCodeOf } from "./helpers/errors";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
let usClient: { id: string };
beforeAll(async () => {
  s = await seedTracking();
  usClient = await createClient(s.alice, { name: "Acme Inc." });
  await updateClientBilling(s.admin, { id: usClient.id, currency: "USD", taxId: "" });
});

const draftFor = async (clientId: string, price: string) =>
  (
    await createInvoiceDraft(s.admin, {
      clientId,
      includeTime: false,
      manualLines: [{ description: "Consulting", unitPrice: price }],
    })
  ).id;

it("is set and cleared on a draft only, as an exact positive decimal", async () => {
  const id = await draftFor(usClient.id, "1000");
  await setDraftExchangeRate(s.admin, { id, exchangeRate: "0,920" });
  expect((await getInvoice(s.admin, id)).exchangeRate).toBe("0.92");
  for (const bad of ["0", "0.00", "-1", "abc", "1.123456789", "1e3"]) {
    expect(await actionCodeOf(setDraftExchangeRate(s.admin, { id, exchangeRate: bad }))).toBe("VALIDATION");
  }
  expect((await getInvoice(s.admin, id)).exchangeRate).toBe("0.92");
  await setDraftExchangeRate(s.admin, { id, exchangeRate: "" });
  expect((await getInvoice(s.admin, id)).exchangeRate).toBeNull();

  expect(await actionCodeOf(setDraftExchangeRate(s.alice, { id, exchangeRate: "1.1" }))).toBe("FORBIDDEN");
  const home = await draftFor(s.client.id, "10");
  expect(await actionCodeOf(setDraftExchangeRate(s.admin, { id: home, exchangeRate: "1.1" }))).toBe("VALIDATION");
  await setDraftExchangeRate(s.admin, { id: home, exchangeRate: "" }); // clearing is always fine

  await setDraftExchangeRate(s.admin, { id, exchangeRate: "0.92" });
  await issueInvoice(s.admin, { id });
  expect(await actionCodeOf(setDraftExchangeRate(s.admin, { id, exchangeRate: "1.2" }))).toBe("CONFLICT");
  expect((await getInvoice(s.admin, id)).exchangeRate).toBe("0.92");
  expect(
    await actionCodeOf(
      setDraftExchangeRate(s.admin, { id: "00000000-0000-4000-8000-000000000000", exchangeRate: "1" }),
    ),
  ).toBe("NOT_FOUND");
});

it("the list totals open invoices in the home currency where a rate exists, and names the rest", async () => {
  const before = (await listInvoices(s.admin)).home;
  const eur = await draftFor(s.client.id, "100"); // €100.00
  const withRate = await draftFor(usClient.id, "1000"); // $1,000.00 at 0.92 → €920.00
  await setDraftExchangeRate(s.admin, { id: withRate, exchangeRate: "0.92" });
  const noRate = await draftFor(usClient.id, "50");
  const draftOnly = await draftFor(usClient.id, "7"); // drafts are not outstanding
  for (const id of [eur, withRate, noRate]) await issueInvoice(s.admin, { id });
  const { home, totals } = await listInvoices(s.admin);
  expect(home.currency).toBe("EUR");
  expect(home.outstandingMinor - before.outstandingMinor).toBe(10_000 + 92_000);
  const missing = (c: typeof home) => c.withoutRate.find((w) => w.currency === "USD")?.count ?? 0;
  expect(missing(home) - missing(before)).toBe(1);
  expect(totals.find((x) => x.currency === "USD")?.outstandingMinor).toBeGreaterThanOrEqual(105_000);
  expect((await getInvoice(s.admin, draftOnly)).status).toBe("draft");

  // The CSV: the rate and the total in EUR where there is one, empty where not.
  const rows = (await exportInvoicesCsv(s.admin, { clientId: usClient.id })).trim().split("\r\n");
  const row = async (id: string) => {
    const { number } = await getInvoice(s.admin, id);
    return rows.find((r) => r.startsWith(`${number},`));
  };
  expect(await row(withRate)).toMatch(/,USD,1000\.00,.*,0\.92,920\.00$/);
  expect(await row(noRate)).toMatch(/,USD,50\.00,.*,,$/);
});

it("the PDF prints the total converted at the rate; a credit note keeps the rate and its exact negative", async () => {
  const id = await draftFor(usClient.id, "1234.56");
  await setDraftExchangeRate(s.admin, { id, exchangeRate: "0.9215" });
  await issueInvoice(s.admin, { id });
  const converted = Math.round(123_456 * 0.9215); // 113,764.7… → 113,765 (exact BigInt half up in the app)
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], {
      input: (await renderInvoicePdf(s.admin, id)).pdf,
    }).toString();
    expect(text).toContain("at 1 USD = 0.9215 EUR");
    expect(text).toContain(formatMoney(converted, "EUR"));
  } catch (err) {
    if (process.env.CI || (err as { code?: string }).code !== "ENOENT") throw err;
  }
  const { creditNoteId } = await cancelInvoice(s.admin, { id });
  const cn = await getInvoice(s.admin, creditNoteId);
  expect([cn.exchangeRate, cn.totalMinor]).toEqual(["0.9215", -123_456]);
});
