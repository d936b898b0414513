// Report charts and saved views in a real browser, on the shared e2e server: with entries the
// stacked bars and the donut draw (and read out in hidden tables), the donut switches to clients,
// nothing scrolls sideways at 390 px and axe finds nothing serious in light or dark; an empty range
// shows the empty state and no chart; a view is saved, applied from another range, renamed, and
// deleted with Undo. Also logs the reports page's JavaScript with and without the chart code.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";

test.describe.configure({ mode: "serial" });

// A range no other spec uses, so the charts hold only this spec's entries.
const RANGE = "from=2025-03-03&to=2025-03-09";
const suffix = Date.now().toString(36);
const CLIENT = `Chart Co ${suffix}`;

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

async function addEntry(page: Page, project: string, day: string, start: string, duration: string) {
  await page.goto(`/entries?week=${day}&from=${day}&to=${day}`);
  const manual = page.getByTestId("manual-entry-form");
  await manual.getByLabel("Project").selectOption({ label: `${project} (${CLIENT})` });
  await manual.getByLabel("Date").fill(day);
  await manual.getByLabel("Start").fill(start);
  await manual.getByLabel("Duration").fill(duration);
  await manual.getByRole("button", { name: "Add entry" }).click();
  await expect(manual.getByText("Entry added.")).toBeVisible();
}

const scriptKb = (page: Page) =>
  page.evaluate(() =>
    Math.round(
      performance
        .getEntriesByType("resource")
        .filter((r) => (r as PerformanceResourceTiming).initiatorType === "script")
        .reduce((n, r) => n + (r as PerformanceResourceTiming).encodedBodySize, 0) / 1024,
    ),
  );

test("charts draw the summary's hours; the donut switches to clients; empty range shows the empty state", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await page.goto("/clients");
  await page.getByTestId("client-form").getByLabel("Name").fill(CLIENT);
  await page.getByTestId("client-form").getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("main").getByText(CLIENT).first()).toBeVisible();
  for (const name of ["Alpha", "Beta"]) {
    await page.goto("/projects");
    const form = page.getByTestId("project-form");
    await form.getByLabel("Client").selectOption({ label: CLIENT });
    await form.getByLabel("Project name").fill(name);
    await form.getByRole("button", { name: "Add project" }).click();
    await expect(page.getByRole("main").getByRole("link", { name }).first()).toBeVisible();
  }
  await addEntry(page, "Alpha", "2025-03-03", "09:00", "2h");
  await addEntry(page, "Beta", "2025-03-05", "09:00", "1h 30m");
  await addEntry(page, "Alpha", "2025-03-05", "13:00", "1h");

  await page.goto(`/reports?${RANGE}&group1=project`);
  const charts = page.getByTestId("report-charts");
  await expect(charts).toBeVisible();
  // Seven days, three of them with bars (Alpha on the 3rd, Alpha and Beta on the 5th).
  await expect(charts.locator(".recharts-bar-rectangle path")).toHaveCount(3);
  await expect(charts.getByText("Hours per day, by project")).toBeVisible();
  const legend = page.getByTestId("donut-legend");
  await expect(legend.getByRole("listitem")).toHaveText([/Alpha\s*3:00\s*67%/, /Beta\s*1:30\s*33%/]);
  // Screen readers get the same figures as a table.
  const table = charts.locator("table").first();
  await expect(table.getByRole("row", { name: /5 Mar 2025/ })).toContainText("1:00");
  await expect(table.getByRole("row", { name: /5 Mar 2025/ })).toContainText("1:30");
  await page.getByRole("button", { name: "Client" }).click();
  await expect(page.getByRole("button", { name: "Client" })).toHaveAttribute("aria-pressed", "true");
  await expect(legend.getByRole("listitem")).toHaveText([new RegExp(`${CLIENT}\\s*4:30\\s*100%`)]);
  // The table below agrees.
  await expect(page.getByTestId("summary-total")).toHaveText("4:30");
  await page.screenshot({ path: shotPath("report-charts-light") });
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await page.screenshot({ path: shotPath("report-charts-dark") });
  await page.evaluate(() => (document.documentElement.dataset.theme = "light"));

  await page.goto(`/reports?from=2020-01-06&to=2020-01-12`);
  await expect(page.getByRole("heading", { name: "No time in this range" })).toBeVisible();
  await expect(page.getByTestId("report-charts")).toHaveCount(0);
});

test("at 390 px nothing scrolls sideways; axe finds nothing serious in light and dark", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await page.goto(`/reports?${RANGE}&group1=project`);
  await expect(page.getByTestId("report-charts").locator(".recharts-bar-rectangle path")).toHaveCount(3);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shotPath("report-charts-phone"), fullPage: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const { violations } = await new AxeBuilder({ page }).include('[data-testid="report-charts"]').analyze();
      const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad.map((v) => `${width} ${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
    }
  }
});

test("a saved view is listed, applied from another range, renamed, and deleted with Undo", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  await page.goto(`/reports?${RANGE}&group1=day&group2=project`);
  const views = page.getByTestId("saved-views");
  await views.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await dialog.getByLabel("Name").fill(`March week ${suffix}`);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toHaveCount(0);
  const link = views.getByRole("link", { name: `March week ${suffix}` });
  await expect(link).toHaveAttribute("aria-current", "true");

  // From another range, the view brings back its days and grouping.
  await page.goto("/reports?from=2020-01-06&to=2020-01-12");
  await expect(link).not.toHaveAttribute("aria-current", "true");
  await link.click();
  await expect(page).toHaveURL(/from=2025-03-03&to=2025-03-09/);
  await expect(page).toHaveURL(/group1=day&group2=project/);
  await expect(page.getByTestId("report-charts")).toBeVisible();
  await expect(page.getByTestId("summary-table")).toContainText("Alpha");

  // A name used twice is refused in the form.
  await views.getByRole("button", { name: "Save view" }).click();
  await dialog.getByLabel("Name").fill(`March week ${suffix}`);
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog.getByText("Choose another name")).toBeVisible();
  await page.keyboard.press("Escape");

  await views.getByRole("button", { name: `Actions for the view March week ${suffix}` }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const rename = page.getByRole("dialog", { name: "Rename view" });
  await rename.getByLabel("Name").fill(`Early March ${suffix}`);
  await rename.getByRole("button", { name: "Rename" }).click();
  const renamed = views.getByRole("link", { name: `Early March ${suffix}` });
  await expect(renamed).toBeVisible();

  await views.getByRole("button", { name: `Actions for the view Early March ${suffix}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(renamed).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(renamed).toBeVisible();
  await expect(renamed).toHaveAttribute("aria-current", "true");
});

test("the chart code loads only with the charts (first-load JavaScript, compressed)", async ({ browser }) => {
  const sizes: Record<string, number> = {};
  for (const [name, path] of [
    ["dashboard", "/"],
    ["reports-empty", "/reports?from=2020-01-06&to=2020-01-12"],
    ["reports-charts", `/reports?${RANGE}`],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(path, { waitUntil: "load" });
    if (name === "reports-charts") await expect(page.getByTestId("bars-chart")).toBeVisible();
    await page.waitForLoadState("networkidle");
    sizes[name] = await scriptKb(page);
    await context.close();
  }
  console.log(`report-charts: JavaScript loaded (kB, compressed) ${JSON.stringify(sizes)}`);
  // The charts' chunk comes on top of the page's own, and only where charts are drawn.
  expect(sizes["reports-charts"]).toBeGreaterThan(sizes["reports-empty"]);
  expect(sizes["reports-charts"]).toBeLessThanOrEqual(400);
});
