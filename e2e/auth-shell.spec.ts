// A user signs in, sees the shell, switches theme, signs out; wrong passwords get a plain message.
// Sign-in never redirects off the app; signing out ends the session on the server.
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";

async function signInAs(page: Page, who: { username: string; password: string }, path = "/login") {
  await page.goto(path);
  await page.getByLabel("Username or email").fill(who.username);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign in, see the shell, switch theme, sign out", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Dashboard", "Timer", "Entries", "Projects", "Clients", "Tasks", "Reports"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);

  await nav.getByRole("link", { name: "Projects" }).click();
  await expect(page.getByRole("heading", { name: "No projects yet" })).toBeVisible();

  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "system");
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await expect(page.getByTestId("user-menu")).toHaveAttribute("data-theme", "light"); // saved
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByTestId("user-menu")).toHaveAttribute("data-theme", "dark"); // saved
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  const bg = await page.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe("rgb(248, 250, 252)");

  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/entries");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password gets a plain message and keeps the typed login", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.admin.email);
  await page.getByLabel("Password").fill("not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#signin-error")).toHaveText("Wrong username/email or password.");
  await expect(page.getByLabel("Username or email")).toHaveValue(E2E_USERS.admin.email);
});

test("an admin sees the Admin section and can use the keyboard to reach it", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.admin.username);
  await page.getByLabel("Password").fill(E2E_USERS.admin.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const admin = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" });
  await admin.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Admin", exact: true })).toBeVisible();
  expect((await page.goto("/admin/users"))?.status()).toBe(200);
  await expect(page.getByTestId("forbidden")).toHaveCount(0);
});

test("a signed-in non-admin gets HTTP 403 on every admin page, with the reason on the page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  for (const path of ["/admin", "/admin/settings", "/admin/users", "/admin/telemetry"]) {
    const res = await page.goto(path);
    expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
    await expect(page.getByTestId("forbidden")).toContainText("Only administrators can open this page");
    // Still inside the app shell, with a way back.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
  }
});

// The probe's payloads: "%5C" is a backslash and "%09" a tab; browsers read "/\\host" and "/<tab>/host"
// as "//host", another site.
for (const payload of ["/%5Cevil.example/x", "/%09/evil.example/x", "//evil.example/x", "https://evil.example/x"]) {
  test(`after sign-in, callbackUrl=${payload} stays on the app`, async ({ page, baseURL }) => {
    await page.route(
      (url) => url.hostname === "evil.example",
      (route) => route.fulfill({ status: 200, body: "<h1>evil</h1>" }),
    );
    await signInAs(page, E2E_USERS.user, `/login?callbackUrl=${payload}`);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("after sign-in, a callbackUrl on the app is followed", async ({ page }) => {
  await signInAs(page, E2E_USERS.user, `/login?callbackUrl=${encodeURIComponent("/profile")}`);
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
});

test("a copy of the session cookie stops working once its browser signs out", async ({ page, context, request }) => {
  await signInAs(page, E2E_USERS.user);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  const copy = { cookie: `${cookie.name}=${cookie.value}` };
  expect((await request.get("/api/v1/week", { headers: copy })).status()).toBe(200);
  await page.goto("/logout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  expect((await request.get("/api/v1/week", { headers: copy })).status()).toBe(401);
  const dashboard = await request.get("/", { headers: copy, maxRedirects: 0 });
  expect(dashboard.status()).toBe(307);
  expect(dashboard.headers()["location"]).toContain("/login");
});

test("sign out everywhere ends the account's sessions in every browser", async ({ page, browser }) => {
  const other = await browser.newContext();
  const phone = await other.newPage();
  await signInAs(phone, E2E_USERS.user);
  await expect(phone.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await signInAs(page, E2E_USERS.user);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/profile");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByText("You are signed out on every device.")).toBeVisible();

  await phone.goto("/entries");
  await expect(phone).toHaveURL(/\/login/);
  await other.close();
});
