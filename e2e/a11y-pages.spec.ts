// Every page, as an administrator (who sees every page there is) and signed out: axe-core finds no
// serious or critical violation in light mode at 1280 px and in dark mode at 390 px, and no page
// scrolls sideways on a 360 px phone. The shell's own pages get all four combinations in
// ui-shell.spec.ts; this walks the rest once each way, on whatever the other specs left in the data.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";

const SIGNED_OUT = ["/login", "/forgot-password", "/signup"];
const PAGES = [
  "/",
  "/timer",
  "/entries",
  "/calendar",
  "/reports",
  "/reports?type=detailed",
  "/projects",
  "/clients",
  "/tasks",
  "/tags",
  "/expenses",
  "/invoices",
  "/invoices/new",
  "/invoices/settings",
  "/rates",
  "/profile",
  "/profile/security",
  "/profile/sessions",
  "/profile/tokens",
  "/profile/webhooks",
  "/admin",
  "/admin/users",
  "/admin/settings",
  "/admin/email",
  "/admin/invitations",
  "/admin/security",
  "/admin/telemetry",
  "/admin/tokens",
  "/admin/webhooks",
  "/api-reference",
  "/no-such-page",
];

async function serious(page: Page, path: string, label: string): Promise<string[]> {
  // The calendar draws itself after hydration: check what a user sees once it is there.
  if (path === "/calendar") {
    await page.locator(".tt-calendar .fc-view").waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const axe = new AxeBuilder({ page });
  // FullCalendar's time grid scrolls inside a role="grid" table, where a focusable pane would break
  // the grid's required children: its hours are reached by keyboard through the toolbar, the entry
  // blocks (focusable) and the New entry button instead (docs/user-guide.md, Calendar).
  if (path === "/calendar") axe.disableRules(["scrollable-region-focusable"]);
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label} ${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function signInAsAdmin(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.admin.username);
  await page.getByLabel("Password").fill(E2E_USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test.describe.configure({ timeout: 300_000 });

for (const [width, theme] of [
  [1280, "light"],
  [390, "dark"],
] as const) {
  test(`axe on every page at ${width} px in ${theme}: no serious or critical violation`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const found: string[] = [];
    const look = async (path: string) => {
      await page.goto(path);
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      found.push(...(await serious(page, path, `${width} ${theme}`)));
    };
    for (const path of SIGNED_OUT) await look(path);
    await signInAsAdmin(page);
    for (const path of PAGES) await look(path);
    expect(found).toEqual([]);
  });
}

test("no page scrolls sideways on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signInAsAdmin(page);
  const wide: Record<string, number> = {};
  for (const path of PAGES) {
    await page.goto(path);
    const px = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (px > 0) wide[path] = px;
  }
  expect(wide).toEqual({});
});
