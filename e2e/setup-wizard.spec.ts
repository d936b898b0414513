// First run in a real browser, on its OWN server and fresh data folder (not global-setup's): the
// wizard leads to the dashboard, the admin turns telemetry on (the fake TELE_URL receives exactly
// one install ping), and a non-admin is refused the admin pages. Screenshots go to docs/images/.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startFakeServer, type FakeServer } from "../tests/helpers/fake-http";
import { startServer, type RunningServer } from "./server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
import { SHOTS_DIR as SHOTS } from "./shots";
const ADMIN = { username: "first-admin", email: "first@e2e.test", password: "first-admin-pass-1" };
const MEMBER = { username: "plain-member", email: "member@e2e.test", password: "member-pass-123" };

let server: RunningServer;
let tele: FakeServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  tele = await startFakeServer();
  tele.respond(200, { latest_version: "99.0.0" });
  // CI exports DO_NOT_TRACK=1; this server must see only what the test sets.
  server = await startServer(PORT, { TELE_URL: tele.url, DO_NOT_TRACK: "", ENABLE_TELEMETRY: "", TELEMETRY_DEBUG: "" });
});

test.afterAll(async () => {
  await server?.stop();
  await tele?.close();
});

async function signIn(page: Page, who: { username: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test("a fresh installation goes through the wizard to the dashboard", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.goto(`${server.url}/login`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome" })).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "setup-welcome.png") });
  await page.getByRole("button", { name: "Get started" }).click();

  await expect(page.getByRole("heading", { name: "Administrator" })).toBeFocused();
  await page.getByLabel("Username").fill(ADMIN.username);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill("weak");
  await page.getByLabel("Repeat password").fill("weak");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#password-error")).toContainText("at least 10 characters");
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "Organization" })).toBeVisible();
  await page.getByLabel("Organization name").fill("Acme Studio");
  await page.getByLabel("Week starts on").selectOption("1");
  await page.getByLabel("Round durations to").selectOption("15");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "Privacy" })).toBeVisible();
  const telemetry = page.getByRole("checkbox", { name: "Send anonymous installation telemetry" });
  await expect(telemetry).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Allow product analytics" })).toHaveCount(0);
  const payload = JSON.parse((await page.getByTestId("telemetry-payload").textContent()) ?? "{}");
  expect(Object.keys(payload).sort()).toEqual(["app_version", "fingerprint", "installed_at", "updated_at"]);
  await page.screenshot({ path: path.join(SHOTS, "setup-privacy.png") });
  await page.getByRole("button", { name: "Finish setup" }).click();

  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("welcome")).toContainText(ADMIN.username);
  await page.goto(`${server.url}/setup`);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  expect(tele.requests).toHaveLength(0);
});

test("the admin opens the telemetry page and turns telemetry on", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await page.getByRole("link", { name: /Telemetry & privacy/ }).click();
  await expect(page.getByRole("heading", { name: "Telemetry & privacy" })).toBeVisible();
  await expect(page.getByTestId("telemetry-state")).toContainText("Off (the default)");
  await expect(page.getByTestId("channels")).toContainText("Not configured (POSTHOG_API_KEY unset)");
  await page.screenshot({ path: path.join(SHOTS, "admin-telemetry.png") });

  const toggle = page.getByRole("switch", { name: "Send anonymous installation telemetry" });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await page.getByRole("button", { name: "Yes, turn on" }).click();
  await expect(page.getByTestId("telemetry-state")).toContainText("On: an administrator opted in.");
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  // The background pass sends the install ping: exactly the previewed bytes, once.
  await expect.poll(() => tele.requests.length, { timeout: 15_000 }).toBe(1);
  const shown = await page.getByTestId("telemetry-payload").textContent();
  expect(tele.requests[0].method).toBe("POST");
  expect(tele.requests[0].body).toBe(shown);
  await page.reload();
  await expect(page.getByTestId("update-available")).toContainText("99.0.0");
});

test("the admin creates a member, who is refused the admin pages", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await signIn(page, ADMIN);
  await page.goto(`${server.url}/admin/users`);
  await page.getByLabel("Username").fill(MEMBER.username);
  await page.getByLabel("Email").fill(MEMBER.email);
  await page.getByLabel("Initial password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId(`user-row-${MEMBER.username}`)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, "admin-users.png") });

  // The only admin cannot demote themselves.
  await page
    .getByTestId(`user-row-${ADMIN.username}`)
    .getByRole("link", { name: /Manage/ })
    .click();
  await expect(page.getByRole("heading", { name: `Account: ${ADMIN.username}` })).toBeVisible();
  await page.getByRole("combobox", { name: "Role" }).selectOption("user");
  await expect(page.getByRole("combobox", { name: "Role" })).toHaveValue("user");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("This is the last active administrator.")).toBeVisible();

  const other = await browser.newContext();
  const member = await other.newPage();
  await signIn(member, MEMBER);
  await expect(member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const p of ["/admin", "/admin/telemetry", "/admin/users", "/admin/settings"]) {
    await member.goto(`${server.url}${p}`);
    await expect(member.getByTestId("forbidden")).toBeVisible();
  }
  await other.close();
});

test("the admin changes the organization settings", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto(`${server.url}/admin/settings`);
  await expect(page.getByLabel("Organization name")).toHaveValue("Acme Studio");
  await expect(page.getByRole("combobox", { name: "Round durations to" })).toHaveValue("15");
  await page.getByLabel("Currency").fill("E1");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator('[id$="currency-error"]')).toContainText("three-letter currency code");

  await page.getByLabel("Currency").fill("usd");
  await page.getByLabel("Idle timeout (minutes)").fill("15");
  await page.getByRole("combobox", { name: "CSV delimiter" }).selectOption("tab");
  await page.getByRole("checkbox", { name: /self-registration/ }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Currency")).toHaveValue("USD");
  await expect(page.getByLabel("Idle timeout (minutes)")).toHaveValue("15");
  await expect(page.getByRole("combobox", { name: "CSV delimiter" })).toHaveValue("tab");
  await expect(page.getByRole("checkbox", { name: /self-registration/ })).toBeChecked();
});
