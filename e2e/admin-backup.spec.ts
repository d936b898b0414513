// Admin "Download backup" with progress: the page counts the rows as they stream in, shows a
// progress bar and the count, then saves a valid archive; a failure says so; the plain link works.
import fs from "node:fs";
import { gunzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";

async function signInAsAdmin(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.admin.username);
  await page.getByLabel("Password").fill(E2E_USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test("download backup shows progress, then saves a valid archive", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download backup" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^timetracker-backup-[\d-]+\.jsonl\.gz$/);
  const bar = page.getByRole("progressbar", { name: "Backup progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  const status = page.getByTestId("backup-status");
  await expect(status).toContainText(/Backup complete: [\d,]+ rows saved as timetracker-backup-/);

  const text = gunzipSync(fs.readFileSync((await download.path())!)).toString("utf8");
  const lines = text.split("\n").filter(Boolean);
  const header = JSON.parse(lines[0]) as { format: string; tables: { name: string; rows: number }[] };
  expect(header.format).toBe("timetracker-backup");
  const end = JSON.parse(lines.at(-1)!) as { end: boolean; counts: Record<string, number> };
  expect(end.end).toBe(true);
  const rows = header.tables.reduce((a, t) => a + t.rows, 0);
  expect(lines.length).toBe(rows + header.tables.length + 2);
  // The count on the page is the snapshot's row count.
  expect((await status.textContent())!.replace(/,/g, "")).toContain(`Backup complete: ${rows} rows`);
});

test("a failed backup says why and saves nothing", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin");
  await page.route("**/api/admin/backup", (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "INTERNAL", message: "The backup could not be made." } }),
    }),
  );
  let downloaded = false;
  page.on("download", () => (downloaded = true));
  await page.getByRole("link", { name: "Download backup" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "backup failed" })).toHaveText(
    "The backup failed: The backup could not be made. Nothing was saved; try again.",
  );
  expect(downloaded).toBe(false);
});

test("without JavaScript the link downloads directly, with the snapshot's size in headers", async ({ page }) => {
  await signInAsAdmin(page);
  const res = await page.request.get("/api/admin/backup");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="timetracker-backup-/);
  const rows = Number(res.headers()["x-backup-rows"]);
  const lines = Number(res.headers()["x-backup-lines"]);
  expect(rows).toBeGreaterThan(0);
  const text = gunzipSync(await res.body()).toString("utf8");
  expect(text.split("\n").filter(Boolean).length).toBe(lines);
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: "Download backup" })).toHaveAttribute("href", "/api/admin/backup");
});
