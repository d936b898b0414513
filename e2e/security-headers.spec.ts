// Security headers on pages, API routes and /metrics; and no CSP violation while using the app.
import { expect, test } from "@playwright/test";
import { E2E_USERS } from "./global-setup";

for (const path of ["/login", "/api/health", "/api/ready", "/metrics"]) {
  test(`hardening headers on ${path}`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-eval");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["x-request-id"]).toBeTruthy();
    // Plain HTTP here: HSTS only behind TLS.
    expect(h["strict-transport-security"]).toBeUndefined();
  });
}

test("no HSTS because a client claims TLS: only a trusted proxy may (e2e/proxy-trust.spec.ts)", async ({ request }) => {
  const res = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toBeUndefined();
});

// Paths that look like files used to skip the proxy, so their 404 page went out without the CSP,
// Permissions-Policy and COOP.
for (const path of ["/nope.png", "/nope.txt", "/docs/nope.txt", "/api/nope.webmanifest", "/sub/dir/x.svg"]) {
  test(`the 404 page at ${path} carries the security headers`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    const h = res.headers();
    expect([404, 307]).toContain(res.status());
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["cross-origin-opener-policy"]).toBe("same-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
  });
}

test("signed in, a 404 at a file-like path is an HTML page with the CSP and its nonce", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  for (const path of ["/reports/chart.png", "/robots-missing.txt"]) {
    const res = await page.request.get(path);
    expect(res.status()).toBe(404);
    expect(res.headers()["content-type"]).toContain("text/html");
    const csp = res.headers()["content-security-policy"];
    const nonce = /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(res.headers()["permissions-policy"]).toContain("camera=()");
    expect(res.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  }
});

test("a fresh nonce per response", async ({ request }) => {
  const a = (await request.get("/login")).headers()["content-security-policy"];
  const b = (await request.get("/login")).headers()["content-security-policy"];
  expect(a).not.toBe(b);
});

test("the app runs under the CSP without violations, and the session cookie is HttpOnly and SameSite=Lax", async ({
  page,
  context,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
  expect(violations).toEqual([]);
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("a state-changing API call from another site is refused, the same call from the app is not", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.user.username);
  await page.getByLabel("Password").fill(E2E_USERS.user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  // The page's own request context carries the session cookie, as a forged cross-site form would.
  const body = { projectId: "00000000-0000-4000-8000-000000000000", date: "2026-01-05", duration: "1:00" };
  const forged = await page.request.post("/api/v1/entries", {
    data: body,
    headers: { origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).detail).toBe("Cross-site requests are not allowed.");
  const own = await page.request.post("/api/v1/entries", {
    data: body,
    headers: { origin: new URL(page.url()).origin },
  });
  // Passes the origin check and reaches the service, which refuses the made-up project.
  expect([400, 404]).toContain(own.status());
  expect((await own.json()).detail).not.toBe("Cross-site requests are not allowed.");
});
