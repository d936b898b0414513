// The entry list and the week grid as a user meets them: a shift past midnight shown with "+1", an
// inline edit saved on Enter, delete with Undo in a toast (the entry comes back exactly), a bulk
// change, and a refused grid edit that says why in the cell and shows the saved value again.
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";

test.use({ viewport: { width: 1280, height: 900 } });

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

const descriptions = (page: Page) =>
  page
    .getByTestId("entry-list")
    .getByLabel("Description")
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

test("entries: +1 past midnight, inline edit, delete with Undo, bulk billable, refused grid edit", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const suffix = Date.now().toString(36);
  await page.goto("/clients");
  await page.getByTestId("client-form").getByLabel("Name").fill(`Night Co ${suffix}`);
  await page.getByTestId("client-form").getByRole("button", { name: "Add client" }).click();
  // Saved before leaving the page (going on at once raced the save on a busy machine).
  await expect(page.getByRole("main").getByText(`Night Co ${suffix}`).first()).toBeVisible();
  await page.goto("/projects");
  const projectForm = page.getByTestId("project-form");
  await projectForm.getByLabel("Client").selectOption({ label: `Night Co ${suffix}` });
  await projectForm.getByLabel("Project name").fill("Shifts");
  await projectForm.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByRole("link", { name: "Shifts" })).toBeVisible();

  // A day long past, so the other specs' week totals, reports and CSV rows stay as they expect.
  const day = "2026-01-05";
  const here = `/entries?week=${day}&from=${day}&to=${day}`;
  await page.goto(here);
  const manual = page.getByTestId("manual-entry-form");
  const project = `Shifts (Night Co ${suffix})`;
  await manual.getByLabel("Project").selectOption({ label: project });
  await manual.getByLabel("Date").fill(day);
  await manual.getByLabel("Start").fill("22:00");
  await manual.getByLabel("End").fill("01:30");
  await manual.getByLabel("Notes").fill("Night shift");
  await manual.getByRole("button", { name: "Add entry" }).click();
  await expect(manual.getByText("Entry added.")).toBeVisible();
  await page.goto(here);
  await manual.getByLabel("Project").selectOption({ label: project });
  await manual.getByLabel("Date").fill(day);
  await manual.getByLabel("Start").fill("08:00");
  await manual.getByLabel("Duration").fill("1h");
  await manual.getByLabel("Notes").fill("Handover");
  await manual.getByLabel("Tags").fill(`handover-${suffix}`);
  await manual.getByRole("button", { name: "Add entry" }).click();
  await expect(manual.getByText("Entry added.")).toBeVisible();
  await page.reload();

  const list = page.getByTestId("entry-list");
  const found = list.getByTestId("entry-row").filter({ has: page.locator('input[value="Night shift"]') });
  // Pinned by id: the row's value attributes change as it is edited; Undo brings back the same id.
  const night = list.locator(`[data-entry-id="${await found.getAttribute("data-entry-id")}"]`);
  await expect(night).toContainText("+1");
  await expect(night.getByLabel("Duration")).toHaveValue("3:30");
  await expect(list.getByTestId("day-subtotal").first()).toHaveText("4:30");

  // Inline edit: the duration moves the end.
  await night.getByLabel("Duration").fill("4h");
  await night.getByLabel("Duration").press("Enter");
  await expect(night.getByText("Saved")).toBeVisible();
  await expect(night.getByLabel("End time")).toHaveValue("02:00");
  // The description, saved on Enter.
  await night.getByLabel("Description").fill("Night shift (long)");
  await night.getByLabel("Description").press("Enter");
  await expect(night.getByText("Saved")).toBeVisible();

  // Delete from the row menu: gone at once, a toast offers Undo, Undo brings it back as it was.
  await night.getByRole("button", { name: /Actions for/ }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(page.getByText("Entry deleted.")).toBeVisible();
  await expect.poll(() => descriptions(page)).not.toContain("Night shift (long)");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Entry restored.")).toBeVisible();
  await expect.poll(() => descriptions(page)).toContain("Night shift (long)");
  const back = night;
  await expect(back.getByLabel("Start time")).toHaveValue("22:00");
  await expect(back.getByLabel("End time")).toHaveValue("02:00");
  await expect(back).toContainText("+1");

  // Bulk: select the day, make it non-billable.
  await list
    .getByLabel(/^Select all entries of /)
    .first()
    .check();
  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText("2 entries selected");
  await bar.getByLabel("Billable for the selected entries").selectOption("off");
  await bar.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("2 entries updated.")).toBeVisible();
  await expect(back.getByLabel("Billable")).not.toBeChecked();

  await page.screenshot({ path: "test-results/entries-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/entries-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Week grid: lowering a cell is refused inside the cell and the saved value comes back.
  const grid = page.getByTestId("week-grid");
  const filled = grid.getByLabel("Shifts, Mon 5 Jan, hours");
  const saved = await filled.inputValue();
  await filled.fill("0:10");
  await filled.press("Enter");
  await expect(grid.getByRole("alert")).toContainText("To lower a day's time");
  await expect(filled).toHaveValue(saved);
});

test("reports: a date preset sets the range and keeps the grouping", async ({ page }) => {
  await signIn(page);
  await page.goto("/reports?group1=day");
  const presets = page.getByTestId("date-presets");
  await presets.getByRole("link", { name: "This year" }).click();
  const year = new Date().getUTCFullYear();
  await expect(page).toHaveURL(new RegExp(`from=${year}-01-01&to=${year}-12-31`));
  await expect(page).toHaveURL(/group1=day/);
  await expect(presets.getByRole("link", { name: "This year" })).toHaveAttribute("aria-current", "true");
  await expect(presets).toContainText("Custom: pick dates below");
});

test("tags page: the user's tag with its usage count", async ({ page }) => {
  await signIn(page);
  await page.goto("/tags");
  const row = page.getByTestId("tag-row").filter({ hasText: "#handover-" });
  await expect(row).toContainText("1 entry");
  await expect(row.getByText(/Rename, merge or delete/)).toBeVisible();
});
