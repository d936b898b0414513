// Expenses as a member meets them: the empty state, a refused negative amount shown next to its
// field, an expense recorded and listed with its total, edited, then deleted after a confirmation.
// Screenshots at desktop and phone width.
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";

test.use({ viewport: { width: 1280, height: 900 } });

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test("expenses: record, refuse a negative amount, list with total, edit, delete after confirming", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const suffix = Date.now().toString(36);
  await page.goto("/clients");
  await page.getByTestId("client-form").getByLabel("Name").fill(`Cost Co ${suffix}`);
  await page.getByTestId("client-form").getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("link", { name: `Cost Co ${suffix}` })).toBeVisible();
  await page.goto("/projects");
  const projectForm = page.getByTestId("project-form");
  await projectForm.getByLabel("Client").selectOption({ label: `Cost Co ${suffix}` });
  await projectForm.getByLabel("Project name").fill(`Roadshow ${suffix}`);
  await projectForm.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByRole("link", { name: `Roadshow ${suffix}` })).toBeVisible();

  await page.getByRole("navigation").getByRole("link", { name: "Expenses" }).first().click();
  await expect(page.getByRole("heading", { name: "Expenses", level: 1 })).toBeVisible();
  const form = page.getByTestId("expense-form");
  const project = `Cost Co ${suffix} · Roadshow ${suffix}`;
  await form.getByLabel("Project").selectOption({ label: project });
  await form.getByLabel("Date").fill("2026-01-07");
  await form.getByLabel("Amount").fill("-5");
  await form.getByRole("button", { name: "Save expense" }).click();
  await expect(form.locator("[id$=-amount-error]")).toHaveText("An expense is more than zero.");

  await form.getByLabel("Amount").fill("123.45");
  await form.getByLabel("Category").fill("Travel");
  await form.getByLabel("Description").fill("Train to the fair");
  await form.getByRole("button", { name: "Save expense" }).click();
  await expect(form.getByText("Expense saved.")).toBeVisible();
  await page.goto("/expenses?from=2026-01-01&to=2026-01-31");
  const list = page.getByTestId("expense-list");
  const row = list.getByRole("row").filter({ hasText: "Train to the fair" });
  await expect(row).toContainText("€123.45");
  await expect(page.getByTestId("expense-total-EUR")).toContainText("€123.45");
  await page.screenshot({ path: shotPath("expenses-1280"), fullPage: true });

  await row.getByText("Edit", { exact: true }).click();
  await row.getByLabel("Amount").fill("100");
  await row.getByRole("button", { name: "Save changes" }).click();
  await expect(row.getByText("Expense updated.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("expense-total-EUR")).toContainText("€100.00");

  // A receipt just under the 10 MB limit goes through the proxy whole; a text file named .png does not.
  const withRow = () => list.getByRole("row").filter({ hasText: "Train to the fair" });
  await withRow().getByText("Edit", { exact: true }).click();
  const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 - 100, 0x20)]);
  await withRow()
    .getByLabel(/Receipt file/)
    .setInputFiles({ name: "r.pdf", mimeType: "application/pdf", buffer: big });
  await withRow().getByRole("button", { name: "Upload receipt" }).click();
  await expect(page.getByText("Receipt saved.")).toBeVisible();
  const download = page.waitForEvent("download");
  await withRow().getByRole("link", { name: "Receipt" }).click();
  expect((await download).suggestedFilename()).toMatch(/^receipt-[0-9a-f-]{36}\.pdf$/);
  await withRow().getByText("Edit", { exact: true }).click();
  await withRow()
    .getByLabel(/Receipt file/)
    .setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await withRow().getByRole("button", { name: "Upload receipt" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A receipt must be a PNG" })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing scrolls sideways on a phone: the table scrolls inside its own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shotPath("expenses-390"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const again = list.getByRole("row").filter({ hasText: "Train to the fair" });
  await again.getByRole("button", { name: "Delete" }).click();
  await again.getByRole("button", { name: "Yes, delete" }).click();
  await expect(list.getByRole("row").filter({ hasText: "Train to the fair" })).toHaveCount(0);
});
