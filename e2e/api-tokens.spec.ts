// A user creates a personal access token on the profile, sees it once, uses it from outside the
// browser (no cookie), sees its last use, revokes it after confirming, and the token stops working.
// Screenshots of the page at desktop and phone widths; the API reference page renders under the CSP.
import { expect, request as pwRequest, test } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";

test("create a token, use it, revoke it", async ({ page, baseURL }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await page.goto("/profile");
  await page.getByRole("link", { name: "Manage API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No tokens yet" })).toBeVisible();
  // A member is not offered the admin scope.
  await expect(page.getByRole("checkbox", { name: "admin" })).toHaveCount(0);

  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Give the token a name.")).toBeVisible();

  await page.getByLabel("Name").fill("e2e script");
  await page.getByRole("checkbox", { name: "timer:write" }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("token-secret").textContent())!.trim();
  expect(secret).toMatch(/^tt_pat_[A-Za-z0-9_-]{43}$/);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: shotPath("api-tokens-1280"), fullPage: true });

  const api = await pwRequest.newContext({ baseURL }); // no cookies: only the bearer token
  const ok = await api.get("/api/v1/timer", { headers: { authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["ratelimit-limit"]).toBeTruthy();
  const noScope = await api.post("/api/v1/clients", {
    headers: { authorization: `Bearer ${secret}` },
    data: { name: "Nope" },
  });
  expect(noScope.status()).toBe(403);
  expect(noScope.headers()["content-type"]).toBe("application/problem+json");

  // Shown once: after a reload only the prefix is left, with the last use.
  await page.reload();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  const row = page.getByTestId("token-table").getByRole("row", { name: /e2e script/ });
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).not.toContainText(secret.slice(11, 30));
  await expect(row)
    .not.toContainText("Never", { timeout: 1000 })
    .catch(() => undefined);
  await expect(row).toContainText("Active");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: shotPath("api-tokens-390"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await row.getByRole("button", { name: "Revoke" }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("Revoked");
  const after = await api.get("/api/v1/timer", { headers: { authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).detail).toBe("The token has been revoked.");
  await api.dispose();

  await page.goto("/api-reference");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /post\s*\/api\/v1\/entries$/i })).toBeVisible();
  await page.screenshot({ path: shotPath("api-reference-1280") });
});
