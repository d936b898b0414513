// Single sign-on in Chromium against the production build and a real OpenID provider
// (oidc-provider on a local port, tests/helpers/oidc-op-server.mjs): the whole redirect → provider
// login → consent → callback → code exchange ends signed in, with a session like a password
// login's. And the refusals, each landing on the login page with a clear message and no session:
// an id token from another issuer, for another audience, expired (each re-signed with the
// provider's real key), a replayed callback (state), an unverified email, a deactivated account.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { freePort } from "../scripts/lib/deploy/http";
import { startTestOp, type TestOp } from "../tests/helpers/oidc-op";
import { createUserCli, startServer, type RunningServer } from "./server";
import { shotPath } from "./shots";

const ADMIN = { username: "sso-admin", email: "sso-admin@example.com", password: "sso-admin-pass-1" };
const LABEL = "Test IdP";
let server: RunningServer;
let op: TestOp;

// One server and provider for the file; later tests use what earlier ones set up (just-in-time
// accounts on, alice's account), so a failure skips the rest instead of re-running on a fresh server.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const appPort = await freePort();
  op = await startTestOp({ redirectUris: [`http://127.0.0.1:${appPort}/api/auth/callback/oidc`] });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-sso-"));
  createUserCli(dataDir, [
    "--username",
    ADMIN.username,
    "--email",
    ADMIN.email,
    "--password",
    ADMIN.password,
    "--admin",
  ]);
  server = await startServer(appPort, {
    DATA_DIR: dataDir,
    OIDC_ISSUER: op.issuer,
    OIDC_CLIENT_ID: op.clientId,
    OIDC_CLIENT_SECRET: op.clientSecret,
    OIDC_SCOPES: "openid email profile groups",
    OIDC_BUTTON_LABEL: LABEL,
    OIDC_ADMIN_GROUP: "tt-admins",
    OIDC_EMERGENCY_PASSWORD_LOGIN: "true",
  });
});
test.afterAll(async () => {
  await server?.stop();
  await op?.stop();
});
test.afterEach(async () => {
  await op.setMode("normal");
});

async function passwordSignIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(ADMIN.username);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** Login page → provider login (any password) → consent → back to the app. */
async function ssoSignIn(page: Page, login: string) {
  await page.goto(`${server.url}/login`);
  await page.getByRole("button", { name: `Sign in with ${LABEL}` }).click();
  await page.waitForURL(`${op.issuer}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${server.url}/**`);
}

async function expectNoSession(page: Page) {
  const res = await page.request.get(`${server.url}/api/auth/session`);
  expect(await res.json()).toEqual({});
  await page.goto(`${server.url}/entries`);
  await expect(page).toHaveURL(/\/login/);
}

async function withFreshPage<T>(browser: Browser, fn: (page: Page) => Promise<T>): Promise<T> {
  const ctx = await browser.newContext();
  try {
    return await fn(await ctx.newPage());
  } finally {
    await ctx.close();
  }
}

test("an admin sees the SSO settings, tests the connection and turns on just-in-time accounts", async ({ page }) => {
  await passwordSignIn(page);
  await page.goto(`${server.url}/admin/settings`);
  const section = page.getByRole("region", { name: "Single sign-on" });
  await expect(section.getByText(op.issuer, { exact: true })).toBeVisible();
  await expect(section.getByText("set (never shown)")).toBeVisible();
  await expect(page.getByText(op.clientSecret)).toHaveCount(0);
  await section.getByRole("button", { name: "Test the connection" }).click();
  await expect(section.getByRole("status")).toContainText("found 1 signing key");
  await expect(section.getByRole("status")).toContainText(`${op.issuer}/token`);
  await section.screenshot({ path: shotPath("admin-sso-1280") });
  await page.setViewportSize({ width: 390, height: 844 });
  await section.screenshot({ path: shotPath("admin-sso-390") });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Create an account on the first single sign-on of someone new").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});

test("redirect, provider login, consent, callback: signed in with a revocable session", async ({ page }) => {
  let callbackUrl = "";
  page.on("request", (r) => {
    if (r.url().startsWith(`${server.url}/api/auth/callback/oidc`)) callbackUrl = r.url();
  });
  await page.goto(`${server.url}/login`);
  await page.screenshot({ path: shotPath("login-sso-1280") });
  await ssoSignIn(page, "alice");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // The callback carried a code, the state and the issuer; the authorization request used PKCE.
  expect(new URL(callbackUrl).searchParams.get("code")).toBeTruthy();
  expect(new URL(callbackUrl).searchParams.get("state")).toBeTruthy();
  // A member (alice is not in tt-admins): no admin link.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  // The session is one of ours: listed on the sessions page, ended by signing out.
  await page.goto(`${server.url}/profile/sessions`);
  await expect(page.getByText("This browser")).toBeVisible();
  const session = await (await page.request.get(`${server.url}/api/auth/session`)).json();
  expect(Object.keys(session.user)).toEqual(["id"]);

  // Replaying the callback URL (its code and state) in another browser gets nothing.
  await withFreshPage(page.context().browser()!, async (other) => {
    await other.goto(callbackUrl);
    await expect(other).toHaveURL(/\/login\?.*error=OAuthCallback/);
    await expect(other.getByRole("main").getByRole("alert")).toContainText("could not be verified");
    await expectNoSession(other);
  });
  // And in this browser, after use, the state cookie is gone: a replay signs nobody in again.
  await page.goto(`${server.url}/logout`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(callbackUrl);
  await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
  await expectNoSession(page);
});

test("a member of the admin group becomes an administrator", async ({ page }) => {
  await ssoSignIn(page, "boss");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
});

const refusals = [
  ["an id token from another issuer", "wrong-issuer"],
  ["an id token for another audience", "wrong-audience"],
  ["an expired id token", "expired"],
] as const;

for (const [what, mode] of refusals) {
  test(`refuses ${what}`, async ({ page }) => {
    await op.setMode(mode);
    await ssoSignIn(page, "alice");
    await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("could not be verified");
    await expectNoSession(page);
  });
}

test("refuses an unverified email with a clear message", async ({ page }) => {
  await ssoSignIn(page, "mallory");
  await expect(page).toHaveURL(/\/login\?.*error=SSO_EMAIL_UNVERIFIED/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("has not verified your email address");
  await expectNoSession(page);
});

test("a deactivated account cannot sign in through SSO either", async ({ page, browser }) => {
  await passwordSignIn(page);
  await page.goto(`${server.url}/admin/users`);
  await page.getByRole("link", { name: "alice" }).first().click();
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await page.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByText("Account deactivated.")).toBeVisible();
  await withFreshPage(browser, async (other) => {
    await ssoSignIn(other, "alice");
    await expect(other).toHaveURL(/\/login\?.*error=INACTIVE/);
    await expect(other.getByRole("main").getByRole("alert")).toContainText("deactivated");
    await expectNoSession(other);
  });
});

test("SSO only hides the password form; the emergency password login stays", async ({ page, browser }) => {
  await passwordSignIn(page);
  await page.goto(`${server.url}/admin/settings`);
  await page.getByLabel("Single sign-on only (hide the password form)").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await withFreshPage(browser, async (other) => {
    await other.goto(`${server.url}/login`);
    await expect(other.getByRole("button", { name: `Sign in with ${LABEL}` })).toBeVisible();
    await expect(other.getByLabel("Password")).toHaveCount(0);
    await other.setViewportSize({ width: 360, height: 740 });
    await other.screenshot({ path: shotPath("login-sso-only-360") });
    await other.goto(`${server.url}/login?password=1`);
    await expect(other.getByLabel("Password")).toBeVisible();
  });
  await page.getByLabel("Single sign-on only (hide the password form)").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});

test("no client secret, email or token in the server's logs or output", async () => {
  const base = path.dirname(server.logDir);
  const files = [
    path.join(base, "server.out"),
    ...fs.readdirSync(server.logDir).map((f) => path.join(server.logDir, f)),
  ];
  const text = files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  expect(text.length).toBeGreaterThan(0);
  // The refusals above were logged (by code and reason), without the id token they were about.
  // Each refusal happened for its own reason (openid-client's checks), not for some other failure.
  for (const reason of ["unexpected iss value", "aud mismatch", "JWT expired", "State cookie was missing"]) {
    expect(text).toContain(reason);
  }
  for (const secret of [op.clientSecret, "@sso.test", "eyJ"]) expect(text).not.toContain(secret);
});
