// Invoicing end to end, as an administrator: time on two projects of a client, a preview and a
// draft, the invoice issued with a number, its PDF downloaded, a partial then a full payment, the
// billed entries locked against edits, and a credit note that cancels the invoice and frees them.
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";

async function signInAsAdmin(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.admin.username);
  await page.getByLabel("Password").fill(E2E_USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test("track, invoice, issue, download, pay in two parts; a credit note frees the entries", async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page);
  // The data through the API with the browser session (same origin), so the test is about invoicing.
  const api = async (method: "post" | "patch", url: string, data: unknown) => {
    const res = await page.request[method](url, { data, headers: { origin: baseURL! } });
    return { status: res.status(), body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const suffix = Date.now().toString(36);
  const client = await api("post", "/api/v1/clients", { name: `Billed ${suffix}`, defaultHourlyRate: "100" });
  expect(client.status).toBe(201);
  const project = async (name: string) =>
    (await api("post", "/api/v1/projects", { clientId: client.body.data.id, name, billable: true })).body.data.id;
  const [web, app] = [await project(`Web ${suffix}`), await project(`App ${suffix}`)];
  const e1 = await api("post", "/api/v1/entries", {
    projectId: web,
    date: "2026-11-02",
    duration: "2h",
    billable: true,
  });
  const e2 = await api("post", "/api/v1/entries", {
    projectId: app,
    date: "2026-11-03",
    duration: "1h 30m",
    billable: true,
  });
  expect([e1.status, e2.status]).toEqual([201, 201]);
  const editEntry = () => api("patch", `/api/v1/entries/${e1.body.id}`, { notes: "changed after billing?" });

  // Preview: both projects, 3.5 h at 100.00 → 350.00 net.
  await page.goto(`/invoices/new?clientId=${client.body.data.id}&from=2026-11-01&to=2026-11-30`);
  await expect(
    page.getByRole("heading", { name: /Preview: Billed .*, 2 entries, 0 expenses, in [A-Z]{3}/ }),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(`Web ${suffix}`) })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(`App ${suffix}`) })).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Draft invoice" })).toBeVisible();
  const draftUrl = page.url();
  // On a draft the entries are reserved: an edit is refused with a reason.
  const onDraft = await editEntry();
  expect(onDraft.status).toBe(409);
  expect(onDraft.body.detail).toMatch(/draft invoice/);

  await page.getByRole("button", { name: "Issue invoice" }).click();
  const title = page.getByRole("heading", { name: /^Invoice INV-\d{4}-\d{4,}$/ });
  await expect(title).toBeVisible();
  expect(page.url()).toBe(draftUrl);
  const number = (await title.textContent())!.replace("Invoice ", "");
  await expect(page.locator("[data-status]").first()).toHaveText("Issued");

  // The PDF: a real PDF named after the invoice number.
  const pdfHref = await page.getByTestId("pdf-link").getAttribute("href");
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(number);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A partial payment, then the rest (the amount field offers what is outstanding).
  const payment = page.getByTestId("payment-form");
  await payment.getByLabel(/^Amount/).fill("100");
  await payment.getByLabel("Method").fill("Bank transfer");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("Partly paid");
  await expect(page.getByTestId("payments")).toContainText("Bank transfer");
  await expect(payment.getByLabel(/^Amount/)).not.toHaveValue("100");
  await page.screenshot({ path: shotPath("invoice-partly-paid-1280"), fullPage: true });
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.locator("[data-status]").first()).toHaveText("Paid");
  await expect(page.getByTestId("outstanding")).toContainText(/0\.00/);

  // Billed entries are locked.
  const locked = await editEntry();
  expect(locked.status).toBe(409);
  expect(locked.body.detail).toMatch(/invoice/i);

  // Cancelling with a credit note (after confirming) frees them again.
  await page.getByRole("button", { name: "Cancel with credit note" }).click();
  await page.getByRole("button", { name: "Yes, cancel with credit note" }).click();
  await expect(page.getByRole("heading", { name: /^Credit note / })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(number) })).toBeVisible();
  expect((await editEntry()).status).toBe(200);
});

test("the invoice logo: upload, refused file, shown, removed after a confirmation", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/invoices/settings");
  const form = page.getByTestId("logo-form");
  await form.getByLabel("Logo file").setInputFiles("public/icons/icon-192.png");
  await form.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo saved." })).toBeVisible();
  const logo = page.getByRole("img", { name: "Current logo" });
  await expect(logo).toBeVisible();
  // Visible is not loaded: wait for the image itself (served by /invoices/settings/logo).
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(192);

  // A GIF named .png is refused by its bytes; the logo stays.
  await form.getByLabel("Logo file").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.from("GIF89a\x01\x00\x01\x00"),
  });
  await form.getByRole("button", { name: "Replace logo" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A logo must be a PNG or JPEG image." })).toBeVisible();
  await expect(logo).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: shotPath("invoice-settings-logo-1280"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath("invoice-settings-logo-390"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Remove logo" }).click();
  await page.getByRole("button", { name: "Yes, remove logo" }).click();
  await expect(page.getByText("No logo yet")).toBeVisible();
  await expect(page.getByRole("img", { name: "Current logo" })).toHaveCount(0);
});

test("an exchange rate on a USD draft: the converted total on the page, the list's home-currency total", async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page);
  const post = async (url: string, data: unknown) =>
    (await (await page.request.post(url, { data, headers: { origin: baseURL! } })).json()) as { data: { id: string } };
  const suffix = Date.now().toString(36);
  const client = (await post("/api/v1/clients", { name: `Dollar ${suffix}`, defaultHourlyRate: "100" })).data;
  const project = (await post("/api/v1/projects", { clientId: client.id, name: `Site ${suffix}`, billable: true }))
    .data;
  await post("/api/v1/entries", { projectId: project.id, date: "2026-10-05", duration: "10h", billable: true });

  // The client is billed in USD (the organization's currency is EUR).
  await page.goto("/invoices/settings");
  const billing = page.locator("form").filter({ hasText: `Dollar ${suffix}` });
  await billing.getByLabel(/^Currency/).fill("USD");
  await billing.getByRole("button", { name: `Save Dollar ${suffix}` }).click();
  await expect(billing.getByLabel(/^Currency/)).toHaveValue("USD");

  await page.goto(`/invoices/new?clientId=${client.id}&from=2026-10-01&to=2026-10-31`);
  await expect(page.getByRole("heading", { name: /Preview: Dollar .*, 1 entry, 0 expenses, in USD/ })).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Draft invoice" })).toBeVisible();
  await expect(page.getByTestId("home-amount")).toContainText("No exchange rate");

  const rate = page.getByTestId("rate-form");
  await rate.getByLabel("1 USD = … EUR").fill("0");
  await rate.getByRole("button", { name: "Save rate" }).click();
  await expect(rate.getByText(/above zero/)).toBeVisible();
  await rate.getByLabel("1 USD = … EUR").fill("0,92");
  await rate.getByRole("button", { name: "Save rate" }).click();
  await expect(page.getByTestId("home-amount")).toHaveText("≈ €920.00 at 1 USD = 0.92 EUR");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  await expect(page.getByRole("heading", { name: /^Invoice INV-/ })).toBeVisible();
  await expect(page.getByTestId("rate-form")).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath("invoice-exchange-rate-390"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto("/invoices");
  await expect(page.getByTestId("outstanding-USD")).toBeVisible();
  await expect(page.getByTestId("outstanding-home")).toContainText("€");
  await page.screenshot({ path: shotPath("invoice-list-home-total-1280"), fullPage: true });
});
