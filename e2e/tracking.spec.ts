// A user's day with the tracker: client → project → task, timer across a reload, a manual entry,
// the week view, the summary report and a CSV download that is parsed and checked. Screenshots
// for docs/user-guide.md are taken on the way (UPDATE_SCREENSHOTS=1 writes docs/images/*.png).
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";

// docs/images/ only with UPDATE_SCREENSHOTS=1 (see e2e/shots.ts), so ordinary runs leave them alone.
const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name), fullPage: false });

function parseCsv(text: string, d = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === d) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

test.use({ viewport: { width: 1280, height: 900 } });

test("track a day: client, project, task, timer, manual entry, week, report, CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // Client
  await page.goto("/clients");
  const clientForm = page.getByTestId("client-form");
  await clientForm.getByRole("button", { name: "Add client" }).click();
  await expect(clientForm.getByText("Enter the client's name.").first()).toBeVisible();
  await clientForm.getByLabel("Name").fill("Acme Corp");
  // A member sees no money by default (Admin → Settings, "Members see rates, amounts and budgets"):
  // the client form has no rate field for them.
  await expect(clientForm.getByLabel("Default hourly rate")).toHaveCount(0);
  await clientForm.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("link", { name: "Acme Corp" })).toBeVisible();

  // Project
  await page.goto("/projects");
  const projectForm = page.getByTestId("project-form");
  await projectForm.getByLabel("Client").selectOption({ label: "Acme Corp" });
  await projectForm.getByLabel("Project name").fill("Website");
  await projectForm.getByLabel("Estimate", { exact: true }).fill("10");
  await projectForm.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByRole("link", { name: "Website" })).toBeVisible();
  await shot(page, "projects");

  // Task
  await page.goto("/tasks");
  const taskForm = page.getByTestId("task-form");
  await taskForm.getByLabel("Project").selectOption({ label: "Website (Acme Corp)" });
  await taskForm.getByLabel("Task name").fill("Homepage");
  await taskForm.getByRole("button", { name: "Add task" }).click();
  const board = page.getByTestId("task-board");
  await expect(board.getByText("Homepage")).toBeVisible();
  await board.getByLabel("Move Homepage to").selectOption("in_progress");
  await expect(page.getByText("Moved “Homepage” to In progress.")).toBeVisible();
  await shot(page, "tasks-board");

  // Timer: start, survives a reload, stop from the header
  await page.goto("/timer");
  const startForm = page.getByTestId("start-timer-form");
  await startForm.getByLabel("Project").selectOption({ label: "Website (Acme Corp)" });
  await startForm.getByLabel("Task").selectOption({ label: "Homepage" });
  await startForm.getByLabel("What are you working on?").fill("Hero section");
  await startForm.getByRole("button", { name: "Start timer" }).click();
  const header = page.getByTestId("timer-bar");
  await expect(header.getByTestId("elapsed")).toBeVisible();
  // A second start offers to switch instead.
  await startForm.getByRole("button", { name: "Start timer" }).click();
  await expect(startForm.getByRole("button", { name: "Switch to this instead" })).toBeVisible();
  await page.reload();
  await expect(header.getByTestId("elapsed")).toBeVisible();
  await expect(page.getByTestId("running-entry")).toContainText("Website");
  await shot(page, "timer");
  await header.getByTestId("header-stop").click();
  await expect(header.getByTestId("timer-start")).toBeVisible();

  // Manual entry, with a typo first
  await page.goto("/entries");
  const manual = page.getByTestId("manual-entry-form");
  await manual.getByLabel("Project").selectOption({ label: "Website (Acme Corp)" });
  await manual.getByLabel("Duration").fill("soon");
  await manual.getByRole("button", { name: "Add entry" }).click();
  await expect(manual.getByText("Enter a duration such as 1h 30m").first()).toBeVisible();
  await manual.getByLabel("Duration").fill("1h 30m");
  await manual.getByLabel("Notes").fill("=cmd|' /C calc'!A0");
  await manual.getByRole("button", { name: "Add entry" }).click();
  await expect(manual.getByText("Entry added.")).toBeVisible();

  // Week view: the 1:30 entry (plus a few seconds of timer) shows in the totals and the grid
  await page.reload();
  await expect(page.getByTestId("week-total")).toContainText("1:30");
  await expect(page.getByTestId("week-grid")).toContainText("Website · Homepage");
  await expect
    .poll(() =>
      page
        .getByTestId("entry-list")
        .getByLabel("Description")
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    )
    .toContain("Hero section");
  await shot(page, "week");

  // Summary report
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByTestId("summary-total")).toContainText("1:30");
  await expect(page.getByTestId("summary-table")).toContainText("Website");
  await shot(page, "report");

  // CSV download
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  const file = await download.path();
  const text = fs.readFileSync(file!, "utf8").replace(/^\uFEFF/, "");
  const rows = parseCsv(text).filter((r) => r.length > 1);
  expect(rows[0]).toEqual([
    "ID",
    "User",
    "Client",
    "Project",
    "Task",
    "Start",
    "End",
    "Duration (hours)",
    "Duration (h:mm)",
    "Notes",
    "Tags",
    "Source",
    "Billable",
    "Amount",
    "Created At",
  ]);
  expect(rows).toHaveLength(3);
  const manualRow = rows.find((r) => r[11] === "manual")!;
  expect(manualRow[1]).toBe(E2E_USERS.user.username);
  expect(manualRow[2]).toBe("Acme Corp");
  expect(manualRow[7]).toBe("1.50");
  expect(manualRow[8]).toBe("1:30");
  expect(manualRow[9]).toBe("'=cmd|' /C calc'!A0");
  // The Amount column is there for everyone, empty for a member who may not see money.
  expect(manualRow[13]).toBe("");
  expect(manualRow[5]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  const timerRow = rows.find((r) => r[11] === "timer")!;
  expect(timerRow[4]).toBe("Homepage");
  expect(timerRow[9]).toBe("Hero section");

  await page.goto("/");
  await expect(page.getByTestId("week-total")).toContainText("1:30");
  await shot(page, "dashboard");

  // Week grid: typing hours into a new project row adds an entry on that day
  await page.goto("/entries");
  await page.getByLabel("Project for a new row").selectOption({ label: "Website (Acme Corp)" });
  const firstDay = page.getByLabel(/^New row, /).first();
  await firstDay.fill("2");
  await firstDay.press("Enter");
  await expect(page.getByText(/^Added 2:00 on /)).toBeVisible();
  await expect(page.getByTestId("week-total")).toContainText("3:30");
});

// Uses the "Website" project created by the test above (one worker, tests in file order).
test("idle detection asks what to do with the idle time, and can stop at the last activity", async ({ page }) => {
  // A fake browser clock: ten idle minutes (the default setting) pass in an instant.
  await page.clock.install();
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/timer");
  const startForm = page.getByTestId("start-timer-form");
  await startForm.getByLabel("Project").selectOption({ label: "Website (Acme Corp)" });
  await startForm.getByRole("button", { name: "Start timer" }).click();
  const header = page.getByTestId("timer-bar");
  await expect(header.getByTestId("elapsed")).toBeVisible();

  await page.clock.fastForward("11:00");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: /idle for about 1\d minutes/ })).toBeVisible();
  await dialog.getByRole("button", { name: "Stop at last activity" }).click();
  await expect(header.getByTestId("timer-start")).toBeVisible();
});
