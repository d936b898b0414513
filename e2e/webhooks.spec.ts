// Webhooks in the browser against the production build and a real receiver on 127.0.0.1: add an
// endpoint (the secret is shown once), send a test event and verify its signature with that secret,
// read the delivery log, then watch a failing receiver get the endpoint disabled (banner) and
// re-enable it. Screenshots at 1280 and 390 px wide.
import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";
import { startReceiver, type Receiver } from "../tests/helpers/webhook-receiver";

let rx: Receiver;
test.beforeAll(async () => {
  rx = await startReceiver();
});
test.afterAll(() => rx.close());

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

test.use({ viewport: { width: 1280, height: 900 } });

test("add an endpoint, verify a signed test event, see the log, auto-disable and re-enable", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto("/profile/webhooks");
  await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
  await page.getByLabel("URL").fill("not a url");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Enter an http:// or https:// URL")).toBeVisible();

  await page.getByLabel("URL").fill(rx.url);
  await page.getByLabel("Description (optional)").fill("Spreadsheet bridge");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await page.screenshot({ path: shotPath("webhooks-created-1280"), fullPage: true });

  const row = page.getByTestId("webhook-endpoint");
  await expect(row.getByText("Enabled", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Send test event" }).click();
  await rx.waitFor(1);
  const { headers, body } = rx.received[0];
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const mac = createHmac("sha256", key).update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`);
  expect(headers["webhook-signature"]).toBe(`v1,${mac.digest("base64")}`);
  expect(JSON.parse(body).type).toBe("webhook.test");

  await expect(async () => {
    await page.reload();
    await page.getByText("Delivery log").click();
    await expect(row.getByRole("cell", { name: "succeeded" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(row.getByRole("cell", { name: "204" })).toBeVisible();

  // The receiver breaks: three failed attempts in a row disable the endpoint (this server: 3).
  rx.behave({ kind: "status", status: 500 });
  for (let i = 0; i < 3; i++) {
    await row.getByRole("button", { name: "Send test event" }).click();
    await rx.waitFor(2 + i);
  }
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/webhook endpoint was disabled after repeated failed deliveries/)).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(row.getByText("Disabled automatically")).toBeVisible();
  await page.getByText("Delivery log").click();
  await page.screenshot({ path: shotPath("webhooks-disabled-1280"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath("webhooks-disabled-390"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  rx.behave({ kind: "status", status: 204 });
  await row.getByRole("button", { name: "Re-enable" }).click();
  await expect(row.getByText("Enabled", { exact: true })).toBeVisible();
  await page.goto("/");
  await expect(page.getByText(/disabled after repeated failed deliveries/)).toHaveCount(0);

  // Edit in place: a new description and one event less; the row shows them after saving.
  await page.goto("/profile/webhooks");
  const edited = page.getByTestId("webhook-endpoint");
  await edited.getByText("Edit", { exact: true }).click();
  await edited.getByLabel("Description (optional)").fill("Payroll bridge");
  await edited.getByRole("checkbox", { name: /timer\.started/ }).uncheck();
  await edited.getByRole("button", { name: "Save changes" }).click();
  await expect(edited.getByText("Saved. The signing secret is unchanged.")).toBeVisible();
  await expect(edited.getByText("Payroll bridge", { exact: true })).toBeVisible();
  await expect(edited.getByText(/^Events: /)).not.toContainText("timer.started");
});
