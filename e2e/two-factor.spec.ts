// Two-factor sign-in in a real browser against the production build: enrol from the QR page (the
// code is computed here from the key the page shows, with an independent RFC 6238 implementation, e2e/totp.ts),
// sign out, sign in with password + code (no session cookie before the code), sign in with a
// recovery code; then the admin's policy sends a member without 2FA to the set-up page.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../scripts/lib/deploy/http";
import { createUserCli, startServer, type RunningServer } from "./server";
import { shotPath } from "./shots";
import { totp } from "./totp";

const ADMIN = { username: "tf-admin", email: "tf-admin@example.com", password: "tf-admin-pass-1" };
const MEMBER = { username: "tf-member", email: "tf-member@example.com", password: "tf-member-pass-1" };
let server: RunningServer;
/** The key and recovery codes the first test saw: searched for in the server's logs by the second
 * (not the 6-digit codes: any number in a log could contain one by chance). */
const seen: string[] = [];

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-2fa-"));
  for (const [u, admin] of [
    [ADMIN, true],
    [MEMBER, false],
  ] as const) {
    createUserCli(dataDir, [
      "--username",
      u.username,
      "--email",
      u.email,
      "--password",
      u.password,
      ...(admin ? ["--admin"] : []),
    ]);
  }
  server = await startServer(await freePort(), { DATA_DIR: dataDir });
});
test.afterAll(async () => {
  await server?.stop();
});

async function enterPassword(page: Page, who: { username: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.goto(`${server.url}/logout`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
}

/** Serious or critical accessibility violations on the page as it is now (axe-core). */
const axeFound: string[] = [];
async function axe(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical"))
    axeFound.push(`${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const hasSessionCookie = async (page: Page) =>
  (await page.context().cookies()).some((c) => c.name.endsWith("next-auth.session-token"));

test("enrol, then sign in with password + code, and with a recovery code", async ({ page }) => {
  await enterPassword(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`${server.url}/profile`);
  await page.getByRole("link", { name: "Manage two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor sign-in", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.screenshot({ path: shotPath("two-factor-enrol"), fullPage: true });
  await axe(page, "enrolment");
  expect(secret.replace(/ /g, "")).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code does not match")).toBeVisible();
  await page.getByLabel("Code from the app").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  seen.push(secret.replace(/ /g, ""), secret, ...codes);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath("two-factor-recovery-codes-390"), fullPage: true });
  await axe(page, "recovery codes");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("10 of 10 recovery codes left")).toBeVisible();
  await signOut(page);

  // Password right: a second screen, and still no session.
  await enterPassword(page, ADMIN);
  await expect(page.getByLabel("Authentication code")).toBeVisible();
  expect(await hasSessionCookie(page)).toBe(false);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: shotPath("two-factor-sign-in-360") });
  await axe(page, "sign-in code step");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${server.url}/entries`);
  await expect(page).toHaveURL(/\/login/);
  await enterPassword(page, ADMIN);
  await page.getByLabel("Authentication code").fill("123456");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#signin-error")).toContainText("That code is wrong or was already used");
  expect(await hasSessionCookie(page)).toBe(false);
  // The next step's code: enrolment used this step's (a code is accepted once; one step of drift is allowed).
  await page.getByLabel("Authentication code").fill(totp(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await signOut(page);

  // A recovery code signs in once.
  await enterPassword(page, ADMIN);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`${server.url}/profile/security`);
  await expect(page.getByText("9 of 10 recovery codes left")).toBeVisible();
  await signOut(page);
  await enterPassword(page, ADMIN);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.locator("#signin-error")).toContainText("That code is wrong or was already used");
  await page.getByLabel("Recovery code").fill(codes[1]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  // The admin requires 2FA for everyone, with no grace period.
  await page.goto(`${server.url}/admin/security`);
  await page.getByLabel("Two-factor sign-in").selectOption("everyone");
  await page.getByLabel("Grace period (days)").fill("0");
  await page.getByRole("button", { name: "Save policy" }).click();
  await expect(page.getByText("Policy saved.")).toBeVisible();
  await signOut(page);

  // The member has no second factor: every page sends them to the set-up page.
  await enterPassword(page, MEMBER);
  await expect(page).toHaveURL(/\/profile\/security\?required=1/);
  await expect(page.getByText("Your organization requires two-factor sign-in. Set it up to continue")).toBeVisible();
  await page.goto(`${server.url}/entries`);
  await expect(page).toHaveURL(/\/profile\/security\?required=1/);
  await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
  await axe(page, "required set-up page");
  expect(axeFound).toEqual([]);
});

test("no TOTP key, code or recovery code in the server's logs or output", async () => {
  expect(seen.length).toBe(12);
  await server.stop();
  const base = path.dirname(server.logDir);
  const files = [
    path.join(base, "server.out"),
    ...fs.readdirSync(server.logDir).map((f) => path.join(server.logDir, f)),
  ].filter((f) => fs.statSync(f).isFile());
  const text = files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  // The logs did record the sign-ins (the search ran over real content).
  expect(text).toContain("auth.recovery_code_used");
  for (const value of seen) expect(text).not.toContain(value);
});
