// The calendar in Chromium: drag over empty time in the week view creates an entry whose start and
// end are the grid rows dragged over (computed from the grid's own slot rows, snapped to 15
// minutes: the organization rounds nothing); dragging the block moves it; clicking it opens the
// entry's edit form with the saved times. Then the keyboard path ("New entry"), a phone-width day
// view, and the calendar feed on the profile (made, fetched, revoked → 404).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { freePort } from "../scripts/lib/deploy/http";
import { createUserCli, startServer, type RunningServer } from "./server";
import { shotPath } from "./shots";

// Its own server and user: the entries made here stay out of the shared user's week and CSV checks.
const USER = { username: "cal-user", email: "cal-user@e2e.test", password: "cal-user-pass-1" };
let server: RunningServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-calendar-"));
  // An administrator first: with one, the installation counts as set up (no redirect to /setup).
  createUserCli(dataDir, [
    "--username",
    "cal-admin",
    "--email",
    "cal-admin@e2e.test",
    "--password",
    "cal-admin-pass-1",
    "--admin",
  ]);
  createUserCli(dataDir, ["--username", USER.username, "--email", USER.email, "--password", USER.password]);
  server = await startServer(await freePort(), { DATA_DIR: dataDir, DO_NOT_TRACK: "1" });
});
test.afterAll(async () => {
  await server?.stop();
});

const go = (page: Page, p: string) => page.goto(`${server.url}${p}`);

const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: false });

async function signIn(page: Page) {
  await go(page, "/login");
  await page.getByLabel("Username or email").fill(USER.username);
  await page.getByLabel("Password").fill(USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** The centre of a slot row (time "HH:MM") in a day column (date "YYYY-MM-DD") of the time grid. */
async function slotPoint(page: Page, date: string, time: string, offsetY = 0): Promise<{ x: number; y: number }> {
  const col = await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const row = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox();
  if (!col || !row) throw new Error(`no grid cell for ${date} ${time}`);
  return { x: col.x + col.width / 2, y: row.y + offsetY };
}

/** Puts a time's row in the middle of the window (the grid is taller than the window). */
async function centreOn(page: Page, time: string) {
  await page
    .locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`)
    .evaluate((el) => el.scrollIntoView({ block: "center" }));
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Several steps: FullCalendar starts a drag only after the pointer has moved a little.
  await page.mouse.move(from.x, from.y + 8, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function blockOf(page: Page, text: string): Promise<Locator> {
  const block = page.locator(".fc-timegrid-event", { hasText: text });
  await expect(block).toHaveCount(1);
  return block;
}

test.use({ viewport: { width: 1280, height: 900 } });

test("drag to create, move, click to edit in the week view", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await go(page, "/calendar");
  await expect(page.getByRole("heading", { name: "Calendar" })).toBeVisible();
  await expect(page.locator(".fc-timeGridWeek-view")).toBeVisible();
  // Today's column in the profile's zone (UTC: neither the user nor the organization set another).
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.locator(`td.fc-timegrid-col[data-date="${today}"]`)).toBeVisible();

  // From the top of the 10:00 row down to just above the 11:30 row: the selection covers the
  // 15-minute cells under the pointer, 10:00–10:15 through 11:15–11:30, so 10:00–11:30.
  await centreOn(page, "11:00");
  const from = await slotPoint(page, today, "10:00", 2);
  const to = await slotPoint(page, today, "11:30", -3);
  await drag(page, from, to);
  const dialog = page.getByRole("dialog", { name: "New entry" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Start")).toHaveValue("10:00");
  await expect(dialog.getByLabel("End")).toHaveValue("11:30");
  await dialog.getByLabel("Description").fill("Planning, with commas; and semicolons");
  await dialog.getByRole("button", { name: "Add entry" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("calendar-message")).toHaveText("Entry added: 10:00–11:30.");
  const block = await blockOf(page, "Planning, with commas");
  await expect(block).toContainText("10:00 - 11:30");
  await shot(page, "calendar-week");

  // Move: grab the block near its top and drop it 4 hours later (14:00–15:30).
  await centreOn(page, "12:00");
  const box = (await block.boundingBox())!;
  const grab = { x: box.x + box.width / 2, y: box.y + 6 };
  const target = await slotPoint(page, today, "14:00", 6);
  await drag(page, grab, { x: grab.x, y: target.y });
  await expect(page.getByTestId("calendar-message")).toHaveText("Entry moved to 14:00–15:30.");
  await expect(await blockOf(page, "Planning, with commas")).toContainText("14:00 - 15:30");

  // Click to edit: the entry's form with the saved day and times.
  await (await blockOf(page, "Planning, with commas")).click();
  await expect(page.getByRole("heading", { name: "Edit entry" })).toBeVisible();
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue(today);
  await expect(page.getByLabel("Start", { exact: true })).toHaveValue("14:00");
  await expect(page.getByLabel("End", { exact: true })).toHaveValue("15:30");
});

test("keyboard: New entry, and the blocks and toolbar are reachable with Tab", async ({ page }) => {
  await signIn(page);
  await go(page, "/calendar");
  await page.getByTestId("calendar-new-entry").focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New entry" });
  await expect(dialog.getByLabel("Description")).toBeFocused();
  await page.keyboard.type("Typed entry");
  const today = new Date().toISOString().slice(0, 10);
  await dialog.getByLabel("Date").fill(today);
  await dialog.getByLabel("Start").fill("07:00");
  await dialog.getByLabel("End").fill("07:45");
  await dialog.getByRole("button", { name: "Add entry" }).press("Enter");
  await expect(page.getByTestId("calendar-message")).toHaveText("Entry added: 07:00–07:45.");
  const block = page.locator(".fc-timegrid-event", { hasText: "Typed entry" });
  await expect(block).toHaveAttribute("tabindex", "0");
  await block.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Edit entry" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("button", { name: "Month" })).toBeVisible();
  await page.getByRole("button", { name: "Month" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".fc-dayGridMonth-view")).toBeVisible();
});

for (const width of [1280, 390]) {
  for (const theme of ["light", "dark"] as const) {
    test(`axe: no serious or critical violations on /calendar at ${width} px in ${theme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await signIn(page);
      await go(page, "/calendar");
      await expect(page.locator(".fc-timegrid-event").first()).toBeVisible();
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const found = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(found).toEqual([]);
      if (width === 1280 && theme === "dark") await shot(page, "calendar-week-dark");
    });
  }
}

test("the running timer is a live block; it cannot be dragged", async ({ page }) => {
  await signIn(page);
  await go(page, "/calendar");
  const bar = page.getByTestId("timer-bar");
  await bar.getByRole("textbox", { name: "Description" }).fill("Live block");
  await bar.getByRole("button", { name: "Start timer" }).click();
  // The timer bar refreshes the page's server data; the calendar reloads its range from it.
  const block = page.locator(".fc-timegrid-event.tt-running", { hasText: "Live block" });
  await expect(block).toBeVisible();
  await expect(block).toContainText("Running");
  await expect(block).not.toHaveClass(/fc-event-draggable/);
  await bar.getByRole("button", { name: "Stop timer" }).click();
  await expect(page.locator(".fc-timegrid-event.tt-running")).toHaveCount(0);
  await expect(page.locator(".fc-timegrid-event", { hasText: "Live block" })).toBeVisible();
});

test("phone width: the day view, usable without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  await go(page, "/calendar");
  await expect(page.locator(".fc-timeGridDay-view")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, "calendar-phone");
});

test("calendar feed: made on the profile, read as iCalendar, revoked → 404", async ({ page, request }) => {
  await signIn(page);
  await go(page, "/profile");
  const card = page.getByTestId("calendar-feed");
  // An entry of its own, with characters RFC 5545 TEXT escapes.
  await go(page, "/calendar");
  await page.getByTestId("calendar-new-entry").click();
  const dialog = page.getByRole("dialog", { name: "New entry" });
  await dialog.getByLabel("Description").fill("Feed, check; here");
  await dialog.getByLabel("Date").fill(new Date().toISOString().slice(0, 10));
  await dialog.getByLabel("Start").fill("05:00");
  await dialog.getByLabel("End").fill("05:30");
  await dialog.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByTestId("calendar-message")).toHaveText("Entry added: 05:00–05:30.");
  await go(page, "/profile");
  await card.getByRole("button", { name: "Make a feed address" }).click();
  const url = (await page.getByTestId("calendar-feed-url").textContent())!.trim();
  expect(url).toMatch(/\/api\/calendar\/tt_cal_[A-Za-z0-9_-]{43}\.ics$/);
  const res = await request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = (await res.text()).replace(/\r\n /g, "");
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("SUMMARY:Feed\\, check\\; here\r\n");
  await card.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(card.getByText("The calendar feed was revoked.")).toBeVisible();
  expect((await request.get(url)).status()).toBe(404);
});
