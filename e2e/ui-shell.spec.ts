// The shell and the timer bar in a real browser, on their OWN server and fresh data folder: a new
// admin finishes setup and has a timer running (no client, no project) within 10 seconds; the
// timer is driven by keyboard alone; a project is created from the picker; axe-core finds no
// serious or critical violation on the shell pages in light and dark, at 1280 and 390 px; nothing
// scrolls sideways at 360 px; the admin's top bar stays one row at 1280 px. Screenshots (light,
// dark, phone) go to e2e/shots.ts's folder.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "./server";
import { shotPath } from "./shots";

const PORT = Number(process.env.E2E_UI_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 40);
const ADMIN = { username: "shell-admin", email: "shell@e2e.test", password: "shell-admin-pass-1" };

let server: RunningServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startServer(PORT, { DO_NOT_TRACK: "1" });
});

test.afterAll(async () => {
  await server?.stop();
});

async function signIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(ADMIN.username);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** Presses Tab until the focused element matches, as a keyboard user would (at most `max` times). */
async function tabTo(page: Page, matches: (el: Element) => boolean, max = 40) {
  const fn = matches.toString();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate(
      (src) => !!document.activeElement && new Function(`return (${src})`)()(document.activeElement),
      fn,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached ${fn}`);
}

test("a new user finishes setup and starts a timer without any project within 10 seconds", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}/setup`);
  await page.getByRole("button", { name: "Get started" }).click();
  await page.getByLabel("Username").fill(ADMIN.username);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Organization name").fill("Shell Studio");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  const t0 = Date.now();
  const bar = page.getByTestId("timer-bar");
  await bar.getByRole("textbox", { name: "Description" }).fill("Sketching the first idea");
  await bar.getByRole("textbox", { name: "Description" }).press("Enter");
  await expect(bar.getByRole("timer", { name: "Elapsed time" })).toBeVisible();
  const took = Date.now() - t0;
  expect(took).toBeLessThan(10_000);
  console.log(`ui-shell: timer running ${took} ms after setup finished`);

  // The dashboard card shows the same running timer, and nudges for the missing project.
  const card = page.getByTestId("timer-card");
  await expect(card.getByRole("textbox", { name: "Description" })).toHaveValue("Sketching the first idea");
  await expect(card.getByTestId("project-nudge")).toBeVisible();
  await expect(bar.getByRole("button", { name: "Project" })).toContainText("Add project");
  // Reloading shows the same elapsed time on server and client: no hydration error (#418).
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.reload();
  await expect(bar.getByRole("timer")).toHaveText(/^0:00:\d\d$/);
  expect(errors.filter((e) => /418|hydrat/i.test(e))).toEqual([]);
});

test("a project is created from the picker and set on the running timer", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  const bar = page.getByTestId("timer-bar");
  await bar.getByRole("button", { name: "Project" }).click();
  await page.getByPlaceholder("Search projects and tasks…").fill("Garden");
  await page.getByRole("option", { name: "Create project “Garden”" }).click();
  const dialog = page.getByRole("dialog", { name: "New project" });
  await dialog.getByLabel("New client’s name").fill("Neighbours");
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(bar.getByRole("button", { name: "Project: Garden" })).toBeVisible();
  await page.reload();
  await expect(bar.getByRole("button", { name: "Project: Garden" })).toBeVisible();
  await expect(page.getByTestId("timer-card").getByTestId("project-nudge")).toHaveCount(0);
  await page.screenshot({ path: shotPath("shell-light") });
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await page.screenshot({ path: shotPath("shell-dark") });
});

test("keyboard only: stop, start with a project chosen from the picker, discard after confirming", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  const bar = page.getByTestId("timer-bar");
  await tabTo(page, (el) => el.getAttribute("aria-label") === "Stop timer");
  await page.keyboard.press("Enter");
  await expect(bar.getByRole("button", { name: "Start timer" })).toBeVisible();

  await page.locator("body").click({ position: { x: 5, y: 700 } }); // start from the page again
  await tabTo(page, (el) => el.getAttribute("data-testid") === "timer-notes");
  await page.keyboard.type("Weeding");
  await tabTo(page, (el) => el.getAttribute("data-testid") === "timer-project", 3);
  await page.keyboard.press("Enter");
  await page.keyboard.type("Gard");
  // Once the options are there, cmdk highlights the first match (the recent "Garden"); Enter chooses it.
  await expect(page.getByRole("option", { name: /Garden/ }).first()).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(bar.getByRole("button", { name: "Project: Garden" })).toBeVisible();
  await tabTo(page, (el) => el.getAttribute("aria-label") === "Start timer", 6);
  await page.keyboard.press("Enter");
  await expect(bar.getByRole("timer")).toBeVisible();
  await expect(bar.getByRole("textbox", { name: "Description" })).toHaveValue("Weeding");

  await tabTo(page, (el) => el.getAttribute("aria-label") === "Discard timer", 10);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog", { name: "Discard this timer?" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape"); // cancel keeps it
  await expect(bar.getByRole("timer")).toBeVisible();
  await page.keyboard.press("Enter"); // focus is back on the Discard button
  await expect(confirm).toBeVisible();
  await tabTo(page, (el) => el.textContent === "Discard", 3);
  await page.keyboard.press("Enter");
  await expect(bar.getByRole("button", { name: "Start timer" })).toBeVisible();
  await expect(page.getByText("Weeding")).toHaveCount(0);
});

// The shell's own pages (the other pages' contents are converted in their own work).
const PAGES = ["/", "/timer", "/no-such-page"];

for (const width of [1280, 390]) {
  for (const theme of ["light", "dark"] as const) {
    test(`axe: no serious or critical violations at ${width} px in ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await signIn(page);
      const found: string[] = [];
      for (const path of PAGES) {
        await page.goto(`${server.url}${path}`);
        await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
          found.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }
      expect(found).toEqual([]);
    });
  }
}

test("no page scrolls sideways at 360 px; the phone menu is a drawer; screenshots", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page);
  await page
    .getByTestId("timer-bar")
    .getByRole("textbox", { name: "Description" })
    .fill("A very long description that goes on");
  // The shell's pages must fit; the other pages' contents are measured and reported (their own
  // work converts them).
  const others: Record<string, number> = {};
  for (const path of [...PAGES, "/admin", "/entries", "/projects", "/reports", "/clients", "/tasks", "/profile"]) {
    await page.goto(`${server.url}${path}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (PAGES.includes(path)) expect({ path, overflow: wide }).toEqual({ path, overflow: 0 });
    else others[path] = wide;
  }
  console.log(`ui-shell: sideways overflow at 360 px (px) on other pages ${JSON.stringify(others)}`);
  await page.goto(`${server.url}/`);
  await expect(page.getByTestId("sidebar")).toBeHidden();
  await page.getByRole("button", { name: "Open menu" }).click();
  const drawer = page.getByRole("dialog", { name: "Menu" });
  await drawer.getByRole("link", { name: "Entries" }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page).toHaveURL(/\/entries$/);
  await page.goto(`${server.url}/`);
  await page.screenshot({ path: shotPath("shell-phone"), fullPage: true });
});

test("the admin's top bar is one row at 1280 px and the sidebar collapses and stays collapsed", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await page.goto(`${server.url}/admin`);
  const header = page.locator("header").first();
  expect((await header.boundingBox())!.height).toBeLessThan(64);
  await page.getByTestId("sidebar-toggle").click();
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-collapsed", "true");
  await page.reload();
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-collapsed", "true");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" })).toBeVisible();
  await page.getByTestId("sidebar-toggle").click();
  await expect(page.getByTestId("sidebar")).toHaveAttribute("data-collapsed", "false");
});

test("an unknown address shows the 404 page inside the shell with a way back", async ({ page }) => {
  await signIn(page);
  const res = await page.goto(`${server.url}/no-such-page`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByTestId("timer-bar")).toBeVisible();
  await page.getByRole("link", { name: "Go to the dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});

test("first-load JavaScript stays within 250 kB compressed on the heaviest pages", async ({ browser }) => {
  const sizes: Record<string, number> = {};
  for (const path of ["/", "/timer", "/entries", "/reports"]) {
    // A fresh context per page: nothing cached, every script downloaded as on a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}${path}`, { waitUntil: "load" });
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((r) => (r as PerformanceResourceTiming).initiatorType === "script")
        .reduce((n, r) => n + (r as PerformanceResourceTiming).encodedBodySize, 0),
    );
    sizes[path] = Math.round(bytes / 1024);
    await context.close();
  }
  console.log(`ui-shell: first-load JS (kB, compressed) ${JSON.stringify(sizes)}`);
  for (const kb of Object.values(sizes)) expect(kb).toBeLessThanOrEqual(250);
});
