// The invoice pages' catalog entries with arguments, plurals or literal braces render as the pages
// use them (a broken ICU message would only show up in the browser otherwise).
import { getTranslations } from "next-intl/server";

it("formats the invoice pages' messages with their arguments", async () => {
  const [list, inv, add, settings] = await Promise.all([
    getTranslations("Invoices"),
    getTranslations("Invoice"),
    getTranslations("NewInvoice"),
    getTranslations("InvoiceSettings"),
  ]);
  expect(list("withoutRate", { count: 1, currency: "USD" })).toBe(
    "1 open invoice in USD has no exchange rate and is not included.",
  );
  expect(list("withoutRate", { count: 3, currency: "GBP" })).toBe(
    "3 open invoices in GBP have no exchange rate and are not included.",
  );
  expect(inv("inHome", { amount: "€920.00", currency: "USD", rate: "0.92", home: "EUR" })).toBe(
    "≈ €920.00 at 1 USD = 0.92 EUR",
  );
  expect(add("previewTitle", { client: "Acme", entries: 2, expenses: 0, currency: "EUR" })).toBe(
    "Preview: Acme, 2 entries, 0 expenses, in EUR",
  );
  expect(add("previewTitle", { client: "Acme", entries: 1, expenses: 1, currency: "EUR" })).toBe(
    "Preview: Acme, 1 entry, 1 expense, in EUR",
  );
  expect(settings("numberPattern")).toBe("Number pattern ({YYYY}, {YY}, {MM}, {SEQ:4})");
  expect(settings("roundHalfEven")).toBe("half even (banker's)");
  for (const g of ["project", "task", "person", "day", "entry"] as const) expect(add(`group_${g}`)).toBeTruthy();
});
