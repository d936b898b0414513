// Sign-in help in a real browser against the production build, with a real SMTP server on a local
// port: forgot password → the mailed link → new password → sign in; the sessions page; an admin's
// invitation → the mailed link → the new account signs in.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/lib/deploy/http";
import { startFakeSmtp, type FakeSmtp } from "../tests/helpers/smtp";
import { createUserCli, startServer, type RunningServer } from "./server";

const ADMIN = { username: "id-admin", email: "id-admin@example.com", password: "id-admin-pass-1" };
let server: RunningServer;
let smtp: FakeSmtp;

test.beforeAll(async () => {
  smtp = await startFakeSmtp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-identity-"));
  createUserCli(dataDir, [
    "--username",
    ADMIN.username,
    "--email",
    ADMIN.email,
    "--password",
    ADMIN.password,
    "--admin",
  ]);
  server = await startServer(await freePort(), {
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    SMTP_FROM: "TimeTracker <time@example.org>",
  });
});
test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

const linkIn = (text: string, route: string) => {
  const m = new RegExp(`https?://\\S+/${route}\\?token=[A-Za-z0-9_-]{43}`).exec(text);
  if (!m) throw new Error(`no ${route} link in the mail`);
  return m[0];
};

test("forgot password → emailed link → new password → sign in → sessions page", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForURL(/\/forgot-password/);
  await page.getByLabel("Email", { exact: true }).fill(ADMIN.email);
  const n = smtp.received.length + 1;
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("a link to choose a new password is on its way")).toBeVisible();
  const mail = await smtp.waitFor(n);
  await page.goto(linkIn(mail.text, "reset-password"));
  await page.getByLabel("New password", { exact: true }).fill("brand-new-passw0rd");
  await page.getByLabel("Repeat new password").fill("brand-new-passw0rd");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?notice=password-reset/);
  // The used link is refused.
  await page.goto(linkIn(mail.text, "reset-password"));
  await expect(page.getByText("This link is invalid, was already used or has expired.")).toBeVisible();

  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(ADMIN.username);
  await page.getByLabel("Password", { exact: true }).fill("brand-new-passw0rd");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${server.url}/profile/sessions`);
  await expect(page.getByText("This browser")).toBeVisible();
});

test("an admin invites by email; the invitee creates the account and signs in", async ({ page, browser }) => {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(ADMIN.username);
  await page.getByLabel("Password", { exact: true }).fill("brand-new-passw0rd");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`${server.url}/admin/invitations`);
  await page.getByLabel("Email", { exact: true }).fill("carol@example.com");
  const n = smtp.received.length + 1;
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitation sent by email.")).toBeVisible();
  const mail = await smtp.waitFor(n);

  const guest = await browser.newContext();
  const p = await guest.newPage();
  await p.goto(linkIn(mail.text, "invite"));
  await expect(p.getByText("For carol@example.com.")).toBeVisible();
  await p.getByLabel("Username").fill("carol");
  await p.getByLabel("New password", { exact: true }).fill("carols-passw0rd");
  await p.getByLabel("Repeat new password").fill("carols-passw0rd");
  await p.getByRole("button", { name: "Create account" }).click();
  await expect(p).toHaveURL(/\/login\?notice=account-created/);
  await p.getByLabel("Username or email").fill("carol");
  await p.getByLabel("Password", { exact: true }).fill("carols-passw0rd");
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p).not.toHaveURL(/\/login/);
  await guest.close();
});
