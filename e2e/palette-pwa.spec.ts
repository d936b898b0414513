// The installable app and the keyboard, in Chromium against the production build: manifest and
// icons served without a session; the command palette starts and stops a timer by keyboard only;
// shortcuts and their "?" overlay; the service worker registers, the app opens offline with the
// last state, and a timer start made offline is replayed exactly once when the connection returns.
import { expect, test, type Page } from "@playwright/test";
import { E2E_USERS } from "./global-setup";
import { shotPath } from "./shots";

const CLIENT = "Palette Client";
const PROJECT = "Palette Project";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Username or email").fill(E2E_USERS.admin.username);
  await page.getByLabel("Password").fill(E2E_USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** The admin's running entry, through the JSON API (the page's own session). */
async function running(page: Page): Promise<{ id: string; start: string; projectId: string } | null> {
  const res = await page.request.get("/api/v1/timer");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { running: { id: string; start: string; projectId: string } | null }).running;
}

async function stopAny(page: Page) {
  await page.evaluate(() => fetch("/api/v1/timer", { method: "DELETE" }));
}

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 900 } });

test("manifest, icons and favicon are served without a session, and pages link to them", async ({ page, request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const m = (await manifest.json()) as { name: string; display: string; icons: { src: string; purpose?: string }[] };
  expect(m).toMatchObject({ name: "TimeTracker", display: "standalone" });
  expect(m.icons.map((i) => i.src)).toEqual(
    expect.arrayContaining(["/icons/icon-192.png", "/icons/icon-512.png", "/icons/maskable-512.png"]),
  );
  expect(m.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const src of [...m.icons.map((i) => i.src), "/favicon.ico", "/icons/apple-touch-icon.png"]) {
    const res = await request.get(src, { maxRedirects: 0 });
    expect(res.status(), src).toBe(200);
    expect(res.headers()["content-type"], src).toMatch(/^image\//);
  }
  const sw = await request.get("/sw.js", { maxRedirects: 0 });
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toMatch(/javascript/);

  const res = await page.goto("/login");
  expect(res?.headers()["content-security-policy"]).toContain("worker-src 'self'");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /apple-touch-icon\.png/);
  await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute("content", /^#/);
});

test("the palette starts and stops a timer by keyboard only; shortcuts navigate and list themselves", async ({
  page,
}) => {
  await signIn(page);
  // A client and a project to track on (set-up through the forms, not part of the keyboard walk).
  await page.goto("/clients");
  const clientForm = page.getByTestId("client-form");
  await clientForm.getByLabel("Name").fill(CLIENT);
  await clientForm.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByRole("link", { name: CLIENT })).toBeVisible();
  await page.goto("/projects");
  const projectForm = page.getByTestId("project-form");
  await projectForm.getByLabel("Client").selectOption({ label: CLIENT });
  await projectForm.getByLabel("Project name").fill(PROJECT);
  await projectForm.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByRole("link", { name: PROJECT })).toBeVisible();
  await page.goto("/");
  await stopAny(page);

  // Keyboard only from here.
  await page.keyboard.press("Control+k");
  const input = page.getByTestId("palette-input");
  await expect(input).toBeFocused();
  await page.keyboard.type(PROJECT);
  await expect(page.getByRole("option", { name: new RegExp(`Start timer on ${PROJECT}`) })).toBeVisible();
  await page.screenshot({ path: shotPath("command-palette") });
  await page.keyboard.press("Enter");
  await expect(input).toBeHidden();
  const header = page.getByTestId("timer-bar");
  await expect(header.getByRole("button", { name: `Project: ${PROJECT}` })).toBeVisible();
  await expect(header.getByRole("timer")).toBeVisible();
  expect((await running(page))?.id).toBeTruthy();

  await page.keyboard.press("Control+k");
  await page.keyboard.type("stop");
  await page.keyboard.press("Enter");
  await expect(header.getByTestId("timer-start")).toBeVisible();
  expect(await running(page)).toBeNull();

  // "?" lists the shortcuts; Esc closes; "g e" goes to the entries page; typing in a field is safe.
  await page.keyboard.press("Shift+?");
  const help = page.getByTestId("shortcut-help");
  await expect(help).toBeVisible();
  await expect(help.getByRole("row", { name: /Go to Entries/ })).toBeVisible();
  await page.screenshot({ path: shotPath("shortcut-help") });
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await page.keyboard.press("g");
  await page.keyboard.press("e");
  await expect(page).toHaveURL(/\/entries$/);
  await page.goto("/clients");
  await page.getByTestId("client-form").getByLabel("Name").focus();
  await page.keyboard.type("gs");
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByTestId("client-form").getByLabel("Name")).toHaveValue("gs");
});

test("the service worker registers, the app opens offline, and an offline start is replayed once", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await signIn(page);
  await stopAny(page);
  const registered = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.scriptURL ?? null;
  });
  expect(registered).toMatch(/\/sw\.js$/);
  // Once the worker controls the page, a visit leaves a copy for offline use; the palette keeps its list.
  await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  await page.goto("/");
  await page.keyboard.press("Control+k");
  await expect(page.getByRole("option", { name: new RegExp(`Start timer on ${PROJECT}`) })).toBeVisible();
  await page.keyboard.press("Escape");

  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/v1/timer/commands")) sent.push(r.postData() ?? "");
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  const status = page.getByTestId("offline-status");
  await expect(status).toContainText("You are offline");
  await expect(page.getByTestId("timer-bar").getByTestId("timer-start")).toBeVisible();

  const pressedAt = Date.now();
  await page.keyboard.press("Control+k");
  await page.keyboard.type(PROJECT);
  await page.keyboard.press("Enter");
  await expect(status).toContainText("1 change waits to be sent");
  expect(sent).toEqual([]);
  expect(
    await page.evaluate(() =>
      fetch("/api/v1/timer").then(
        () => "online",
        () => "offline",
      ),
    ),
  ).toBe("offline");

  await context.setOffline(false);
  await expect(status).toContainText("1 timer change made offline saved.");
  await expect(page.getByTestId("timer-bar").getByRole("button", { name: `Project: ${PROJECT}` })).toBeVisible();
  expect(sent).toHaveLength(1);
  const first = await running(page);
  expect(first).not.toBeNull();
  // It started when the key was pressed offline, not when the connection came back.
  expect(Math.abs(Date.parse(first!.start) - pressedAt)).toBeLessThan(5_000);

  // The same command again (a second tab, a lost answer) changes nothing.
  const again = await page.evaluate(
    (body) =>
      fetch("/api/v1/timer/commands", { method: "POST", headers: { "content-type": "application/json" }, body }).then(
        (r) => r.json(),
      ),
    sent[0],
  );
  expect(again).toMatchObject({ duplicate: true, outcome: "started", entryId: first!.id });
  expect((await running(page))?.id).toBe(first!.id);

  // The running timer is in the offline copy too. Proof that the page comes from that copy: the
  // timer is stopped on the server meanwhile (another device), and the offline page still shows it.
  await page.reload();
  await context.setOffline(true);
  const stopped = await context.request.delete("/api/v1/timer");
  expect(stopped.status()).toBe(200);
  const offlinePage = await page.reload();
  expect(offlinePage?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId("timer-bar").getByRole("button", { name: `Project: ${PROJECT}` })).toBeVisible();
  await expect(page.getByTestId("timer-bar").getByRole("timer")).toBeVisible();
  await expect(status).toContainText("You are offline");
  await page.screenshot({ path: shotPath("offline-dashboard") });
  await context.setOffline(false);
  await stopAny(page);
});

test("on a phone the palette and the overlay fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  // No Ctrl+K on a phone: the round button opens the same palette.
  await page.getByRole("button", { name: "Open the command palette" }).click();
  await expect(page.getByTestId("palette-input")).toBeFocused();
  await page.keyboard.type("Pal");
  await expect(page.getByRole("option", { name: new RegExp(`Start timer on ${PROJECT}`) })).toBeVisible();
  const box = await page.getByRole("dialog").boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shotPath("command-palette-phone") });
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+?");
  await expect(page.getByTestId("shortcut-help")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shotPath("shortcut-help-phone") });
  await page.keyboard.press("Escape");
  // Dark mode (the account follows the system theme): the palette follows it.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.keyboard.press("Control+k");
  await expect(page.getByTestId("palette-input")).toBeFocused();
  const bg = await page.getByRole("dialog").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).not.toBe("rgb(255, 255, 255)");
  await page.screenshot({ path: shotPath("command-palette-dark-phone") });
});
