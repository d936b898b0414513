// Screenshots of the main pages for people and for CI's artifact: the dashboard with a running
// timer, the timer page, the week, the entries list, the calendar and the reports, each in light
// and dark at 1280 px and on a 390 px phone. Its own server and a small, realistic week of data
// (two clients, three projects, tags, a running timer), so the pictures do not depend on what
// other specs left behind. Files go to e2e/shots.ts's folder (e2e-screenshots/, or docs/images/
// with UPDATE_SCREENSHOTS=1). Each page is also checked to show its content, so a broken page
// fails here instead of being photographed, and on the phone not to scroll sideways.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../scripts/lib/deploy/http";
import { createUserCli, startServer, type RunningServer } from "./server";
import { shotPath } from "./shots";

const USER = { username: "ada", email: "ada@e2e.test", password: "ada-shots-pass-1" };
let server: RunningServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-shots-"));
  createUserCli(dataDir, ["--username", USER.username, "--email", USER.email, "--password", USER.password, "--admin"]);
  server = await startServer(await freePort(), { DATA_DIR: dataDir, DO_NOT_TRACK: "1" });
});
test.afterAll(async () => {
  await server?.stop();
});

const go = (page: Page, p: string) => page.goto(`${server.url}${p}`);

async function signIn(page: Page) {
  await go(page, "/login");
  await page.getByLabel("Username or email").fill(USER.username);
  await page.getByLabel("Password").fill(USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** Monday of the current week (UTC, the new user's zone) plus `n` days, as YYYY-MM-DD. */
function weekDay(n: number): string {
  const d = new Date();
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

const CLIENTS = ["Acme Ltd", "Northwind"];
const PROJECTS = [
  { name: "Website redesign", client: "Acme Ltd" },
  { name: "Mobile app", client: "Acme Ltd" },
  { name: "Support retainer", client: "Northwind" },
];
// [day of the week, start, duration, project, notes, tags]
const ENTRIES: [number, string, string, string, string, string][] = [
  [0, "09:00", "2h 30m", "Website redesign", "Homepage wireframes", "design"],
  [0, "13:00", "1h 30m", "Support retainer", "Ticket triage", "support"],
  [1, "09:30", "3h", "Mobile app", "Offline sync", "development"],
  [1, "14:00", "2h", "Website redesign", "Review with the client", "meeting"],
  [2, "08:30", "4h", "Mobile app", "Push notifications", "development"],
  [2, "14:00", "1h", "Support retainer", "Password reset bug", "support"],
  [3, "10:00", "2h 45m", "Website redesign", "Style guide", "design"],
  [4, "09:00", "1h 15m", "Support retainer", "Weekly report", ""],
];

test("a week of data to photograph", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  for (const name of CLIENTS) {
    await go(page, "/clients");
    await page.getByTestId("client-form").getByLabel("Name").fill(name);
    await page.getByTestId("client-form").getByRole("button", { name: "Add client" }).click();
    await expect(page.getByRole("main").getByText(name).first()).toBeVisible();
  }
  for (const p of PROJECTS) {
    await go(page, "/projects");
    const form = page.getByTestId("project-form");
    await form.getByLabel("Client").selectOption({ label: p.client });
    await form.getByLabel("Project name").fill(p.name);
    await form.getByRole("button", { name: "Add project" }).click();
    await expect(page.getByRole("main").getByRole("link", { name: p.name }).first()).toBeVisible();
  }
  await go(page, "/entries");
  const manual = page.getByTestId("manual-entry-form");
  for (const [day, start, duration, project, notes, tags] of ENTRIES) {
    const client = PROJECTS.find((p) => p.name === project)!.client;
    await manual.getByLabel("Project").selectOption({ label: `${project} (${client})` });
    await manual.getByLabel("Date").fill(weekDay(day));
    await manual.getByLabel("Start").fill(start);
    await manual.getByLabel("Duration").fill(duration);
    await manual.getByLabel("Notes").fill(notes);
    await manual.getByLabel("Tags").fill(tags);
    await manual.getByRole("button", { name: "Add entry" }).click();
    await expect(manual.getByText("Entry added.")).toBeVisible();
    // The form resets after a success; wait for it so the next entry starts from empty fields.
    await expect(manual.getByLabel("Notes")).toHaveValue("");
  }
  // A running timer, started from the top bar as a user would.
  await go(page, "/");
  const bar = page.getByTestId("timer-bar");
  await bar.getByRole("textbox", { name: "Description" }).fill("Release notes for 2.0");
  await bar.getByTestId("timer-project").click();
  await page
    .getByRole("option", { name: /Website redesign/ })
    .first()
    .click();
  await bar.getByTestId("timer-start").click();
  await expect(bar.getByTestId("elapsed")).toBeVisible();
});

/** Waits until an element stops moving or growing (a chart's entry animation). */
async function settled(locator: ReturnType<Page["locator"]>) {
  let last = "";
  await expect
    .poll(
      async () => {
        const box = JSON.stringify(await locator.boundingBox());
        const same = box === last;
        last = box;
        return same;
      },
      { intervals: [250] },
    )
    .toBe(true);
}

/** Each page: its address and what must be on screen before the picture is taken. */
const PAGES: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: "dashboard",
    path: "/",
    ready: (page) => expect(page.getByTestId("card-elapsed")).toBeVisible(),
  },
  {
    name: "timer",
    path: "/timer",
    ready: (page) => expect(page.getByRole("main").getByText("Release notes for 2.0").first()).toBeVisible(),
  },
  {
    name: "week",
    path: "/entries",
    ready: (page) => expect(page.getByTestId("week-grid")).toContainText("Mobile app"),
  },
  {
    name: "entries",
    path: "/entries",
    ready: async (page) => {
      // Every entry made above, and the running one.
      await expect(page.getByTestId("entry-row")).toHaveCount(ENTRIES.length + 1);
      // The list's heading just below the sticky top bar.
      await page.evaluate(() => {
        const top = document.getElementById("list-h")!.getBoundingClientRect().top + window.scrollY;
        const bar = document.querySelector("header")?.getBoundingClientRect().bottom ?? 0;
        window.scrollTo(0, top - bar - 16);
      });
    },
  },
  {
    name: "calendar",
    path: "/calendar",
    ready: (page) => expect(page.getByTestId("calendar-event").first()).toBeVisible(),
  },
  {
    name: "reports",
    path: `/reports?from=${weekDay(0)}&to=${weekDay(6)}&group1=project`,
    ready: async (page) => {
      await expect(page.getByTestId("report-charts")).toBeVisible();
      await expect(page.getByTestId("donut-legend")).toContainText("Mobile app");
      await settled(page.getByTestId("report-charts").locator(".recharts-bar-rectangle path").first());
    },
  },
];

const VARIANTS = [
  { suffix: "light", width: 1280, height: 800, scheme: "light" },
  { suffix: "dark", width: 1280, height: 800, scheme: "dark" },
  { suffix: "phone", width: 390, height: 844, scheme: "light" },
] as const;

for (const v of VARIANTS) {
  test(`screenshots: ${v.suffix} (${v.width} px)`, async ({ browser }) => {
    test.setTimeout(120_000);
    // The user's theme is "system": the emulated colour scheme decides, as on a real device.
    const context = await browser.newContext({
      viewport: { width: v.width, height: v.height },
      colorScheme: v.scheme,
      reducedMotion: "reduce",
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await signIn(page);
    for (const p of PAGES) {
      await go(page, p.path);
      await p.ready(page);
      await page.evaluate(() => document.fonts.ready);
      // Nothing scrolls sideways on a phone, with a timer running (the dashboard card once did, and
      // the reports chart's screen-reader table once widened that page by 144 px).
      if (v.width < 400) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect({ page: p.name, overflow: wide }).toEqual({ page: p.name, overflow: 0 });
      }
      await page.screenshot({ path: shotPath(`${p.name}-${v.suffix}`), animations: "disabled" });
    }
    await context.close();
  });
}
