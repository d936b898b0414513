// The production server against local fake Sentry and PostHog hosts: with a DSN the expected payloads
// arrive (server transactions, the browser's session); with nothing configured NOTHING is sent; no
// payload ever carries an email, username, name, note, cookie or authorization header. Also: the live
// /metrics passes promtool and enforces its token, and the JSON log ties a request's lines together.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test, type Page } from "@playwright/test";
import { eventually, startFakeCollector, type FakeCollector } from "../tests/helpers/fake-collector";
import { freePort } from "../scripts/lib/deploy/http";
import { createUserCli, startServer, type RunningServer } from "./server";

const PERSON = {
  username: "obs-person",
  email: "obs.person@example.com",
  fullName: "Olive Observer",
  password: "obs-pass-12345",
};
const METRICS_TOKEN = "e2e-metrics-token";

async function startWith(env: Record<string, string>): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-obs-"));
  createUserCli(dataDir, [
    "--username",
    PERSON.username,
    "--email",
    PERSON.email,
    "--name",
    PERSON.fullName,
    "--password",
    PERSON.password,
    // An admin created from the CLI also completes first-run setup (else every page goes to /setup).
    "--admin",
  ]);
  return startServer(await freePort(), { DATA_DIR: dataDir, ...env });
}

async function signInAndBrowse(page: Page, url: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("Username or email").fill(PERSON.username);
  await page.getByLabel("Password").fill(PERSON.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`${url}/reports?from=2026-01-01&note=secret-query`);
  await page.goto(`${url}/profile`);
  await page.waitForTimeout(1500);
}

function expectNoPii(fake: FakeCollector) {
  const all = fake.all().toLowerCase();
  for (const bad of [
    PERSON.email,
    PERSON.username,
    PERSON.fullName,
    PERSON.password,
    "secret-query",
    "next-auth.session-token",
    "bearer ",
  ]) {
    const at = all.indexOf(bad.toLowerCase());
    expect(at < 0 ? "" : `${bad} in: ${all.slice(Math.max(0, at - 300), at + 100)}`).toBe("");
  }
  for (const r of fake.requests) {
    expect(r.headers.cookie).toBeUndefined();
    expect(r.headers.authorization).toBeUndefined();
  }
}

type PosthogEvent = { event: string; properties: Record<string, unknown> };

/** Every event the fake PostHog received: JSON bodies (batch or list), or form-encoded base64 `data=`. */
function posthogEvents(fake: FakeCollector): PosthogEvent[] {
  const out: PosthogEvent[] = [];
  for (const r of fake.requests) {
    let body = r.body;
    if (body.startsWith("data=")) body = Buffer.from(decodeURIComponent(body.slice(5)), "base64").toString("utf8");
    try {
      const parsed = JSON.parse(body) as PosthogEvent | PosthogEvent[] | { batch: PosthogEvent[] };
      out.push(...(Array.isArray(parsed) ? parsed : "batch" in parsed ? parsed.batch : [parsed]));
    } catch {
      // Not an event payload (e.g. a config request).
    }
  }
  return out.filter((e) => e && typeof e.event === "string");
}

test.describe("observability against fake Sentry and PostHog hosts", () => {
  // Each test creates an account with the CLI and starts its own production server: slow on 2 cores.
  test.setTimeout(240_000);
  let sentry: FakeCollector;
  let posthog: FakeCollector;
  let server: RunningServer | undefined;

  test.beforeEach(async () => {
    sentry = await startFakeCollector();
    posthog = await startFakeCollector();
  });
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
    await sentry.close();
    await posthog.close();
  });

  test("with a DSN and a PostHog key: Sentry gets scrubbed payloads; PostHog waits for the admin's consent", async ({
    page,
  }) => {
    server = await startWith({
      SENTRY_DSN: `http://publickey@127.0.0.1:${sentry.port}/1`,
      SENTRY_TRACES_RATE: "1",
      SENTRY_ENVIRONMENT: "e2e",
      POSTHOG_API_KEY: "phc_e2e_key",
      POSTHOG_HOST: posthog.url,
      DO_NOT_TRACK: "0",
      METRICS_TOKEN,
    });
    await signInAndBrowse(page, server.url);
    const kinds = () => sentry.requests.map((r) => /"type":"(\w+)"/.exec(r.body.split("\n")[1] ?? "")?.[1]).join(",");
    await eventually(
      () => sentry.requests.some((r) => r.body.includes('"type":"transaction"')),
      30_000,
      () => `a server transaction (got: ${kinds()})`,
    );
    await eventually(
      () => sentry.requests.some((r) => r.body.includes('"type":"session"')),
      30_000,
      () => `the browser's session (got: ${kinds()})`,
    );
    const envelopes = sentry.requests.filter((r) => r.url.startsWith("/api/1/envelope/"));
    expect(envelopes.length).toBe(sentry.requests.length);
    expect(sentry.all()).toContain('"environment":"e2e"');
    expectNoPii(sentry);
    // Without the Installation's productAnalyticsEnabled (setup feature), nothing goes to PostHog.
    await server.stop();
    expect(posthog.requests).toHaveLength(0);
  });

  test("browser PostHog: page views with the path only — no host, query, campaign, referrer; GeoIP off", async ({
    browser,
  }) => {
    // posthog-js drops events from a "HeadlessChrome" user agent or a browser under automation
    // (navigator.webdriver) as a bot's: present an ordinary desktop browser.
    const context = await browser.newContext({
      userAgent:
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    });
    await context.addInitScript(() => Object.defineProperty(navigator, "webdriver", { get: () => false }));
    const page = await context.newPage();
    server = await startWith({ POSTHOG_API_KEY: "phc_e2e_key", POSTHOG_HOST: posthog.url, DO_NOT_TRACK: "0" });
    await signInAndBrowse(page, server.url);
    await page.goto(`${server.url}/admin/telemetry`);
    await page.getByRole("switch", { name: "Allow product analytics" }).click();
    await page.getByRole("group", { name: "Confirm: Allow product analytics" }).getByRole("button").first().click();
    await expect(page.getByText("Saved: on.")).toBeVisible();
    await page.goto(`${server.url}/reports?utm_source=news-src&utm_campaign=camp-x&gclid=gclid-123&note=secret-query`, {
      referer: "https://referrer-site.example/from?q=1",
    });
    await page.getByRole("link", { name: "Timer" }).first().click();
    await page.waitForURL(/\/timer$/);
    const browserEvents = () => posthogEvents(posthog).filter((e) => e.properties.$lib === "web");
    await eventually(
      () => ["/reports", "/timer"].every((p) => browserEvents().some((e) => e.properties.$pathname === p)),
      30_000,
      () => `page views of /reports and /timer (got ${JSON.stringify(browserEvents().map((e) => e.event))})`,
    );
    const events = browserEvents();
    const host = new URL(server.url).host;
    for (const e of events) {
      expect(e.event).toBe("$pageview");
      expect(e.properties.$geoip_disable).toBe(true);
      expect(String(e.properties.$current_url)).toMatch(/^\/[a-z/]*$/);
      for (const k of Object.keys(e.properties))
        expect(k).not.toMatch(/referr|^\$host$|^\$initial_|^utm_|gclid|title|^\$session_entry/);
    }
    expect(events.map((e) => e.properties.$pathname)).toEqual(expect.arrayContaining(["/reports", "/timer"]));
    const text = JSON.stringify(events);
    for (const bad of [host, "127.0.0.1", "news-src", "camp-x", "gclid-123", "referrer-site", "secret-query"])
      expect(text).not.toContain(bad);
    await context.close();
  });

  test("with nothing configured, nothing leaves the server or the browser", async ({ page }) => {
    server = await startWith({ POSTHOG_HOST: posthog.url, DO_NOT_TRACK: "0" });
    const outside: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(server!.url)) outside.push(r.url());
    });
    await signInAndBrowse(page, server.url);
    const html = await (await page.request.get(`${server.url}/login`)).text();
    expect(html).not.toContain("publickey@");
    await server.stop();
    expect(sentry.requests).toHaveLength(0);
    expect(posthog.requests).toHaveLength(0);
    expect(outside).toEqual([]);
  });

  test("live /metrics: token enforced, promtool clean, counters move; logs share the request id", async ({ page }) => {
    server = await startWith({ METRICS_TOKEN });
    expect((await page.request.get(`${server.url}/metrics`)).status()).toBe(401);
    const auth = { authorization: `Bearer ${METRICS_TOKEN}` };
    const before = await (await page.request.get(`${server.url}/metrics`, { headers: auth })).text();
    await signInAndBrowse(page, server.url);
    await page.request.get(`${server.url}/api/ready`, { headers: { "x-request-id": "e2e-ready-42" } });
    // Pages, a proxy redirect and a 404 are logged and counted like route handlers.
    const anon = await request.newContext();
    expect((await anon.get(`${server.url}/login`, { headers: { "x-request-id": "abc-123" } })).status()).toBe(200);
    const redirect = await anon.get(`${server.url}/timer`, {
      headers: { "x-request-id": "e2e-redirect-1" },
      maxRedirects: 0,
    });
    expect(redirect.status()).toBe(307);
    expect((await anon.get(`${server.url}/api/nope`, { headers: { "x-request-id": "e2e-404-1" } })).status()).toBe(404);
    const missing = await page.request.get(`${server.url}/entries/4b1c0a9e-0000-4000-8000-00000000beef`, {
      headers: { "x-request-id": "e2e-entry-1" },
    });
    expect(missing.status()).toBe(404);
    await anon.dispose();
    const res = await page.request.get(`${server.url}/metrics`, { headers: auth });
    expect(res.status()).toBe(200);
    const text = await res.text();
    const count = (t: string, needle: string) =>
      Number(
        t
          .split("\n")
          .find((l) => l.startsWith(needle))
          ?.split(" ")
          .at(-1) ?? 0,
      );
    expect(count(text, 'timetracker_analytics_events_total{event="auth.login"}')).toBe(
      count(before, 'timetracker_analytics_events_total{event="auth.login"}') + 1,
    );
    expect(text).toContain('timetracker_http_requests_total{method="GET",route="/api/ready",status_class="2xx"}');
    expect(text).toContain('timetracker_http_requests_total{method="GET",route="/login",status_class="2xx"}');
    expect(text).toContain('timetracker_http_requests_total{method="GET",route="/timer",status_class="3xx"}');
    expect(text).toContain('timetracker_http_requests_total{method="GET",route="/_not-found",status_class="4xx"}');
    expect(text).toContain('timetracker_http_requests_total{method="GET",route="/entries/[id]",status_class="4xx"}');
    expect(text).toContain('timetracker_http_requests_total{method="POST",route="/api/auth/[...nextauth]"');
    expect(text).toMatch(/timetracker_http_request_duration_seconds_count\{method="GET",route="\/reports"\} [1-9]/);
    expect(text).toContain('timetracker_page_renders_total{route="/reports"}');
    expect(text).toMatch(/timetracker_db_query_duration_seconds_count\{model="User",operation="findUnique"\} [1-9]/);
    expect(text).not.toContain("secret-query");
    if (spawnSync("promtool", ["--version"]).status === 0) {
      const check = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
      expect(`${check.stdout}${check.stderr}`.trim()).toBe("");
    }
    await server.stop();
    const lines = fs.readFileSync(path.join(server.logDir, "app.jsonl"), "utf8").split("\n").filter(Boolean);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const ready = parsed.filter((l) => l.request_id === "e2e-ready-42");
    expect(ready.map((l) => l.event)).toContain("http.request");
    expect(ready.find((l) => l.event === "http.request")).toMatchObject({
      route: "/api/ready",
      status: 200,
      logger: "app",
    });
    // Exactly one access line per request: with its id, status and duration, the route template.
    const access = parsed.filter((l) => l.event === "http.request");
    const one = (id: string) => {
      const mine = access.filter((l) => l.request_id === id);
      expect(mine).toHaveLength(1);
      expect(typeof mine[0]!.duration_ms).toBe("number");
      return mine[0]!;
    };
    expect(one("abc-123")).toMatchObject({ method: "GET", route: "/login", status: 200, kind: "page" });
    expect(one("e2e-redirect-1")).toMatchObject({ route: "/timer", status: 307 });
    expect(one("e2e-404-1")).toMatchObject({ route: "/_not-found", status: 404 });
    expect(one("e2e-entry-1")).toMatchObject({ route: "/entries/[id]", status: 404 });
    const ids = access.map((l) => String(l.request_id));
    expect(ids.length).toBe(new Set(ids).size);
    for (const path of ["/reports", "/profile", "/api/auth/[...nextauth]"])
      expect(access.some((l) => l.route === path && typeof l.status === "number")).toBe(true);
    expect(parsed.filter((l) => l.event === "page.render")).toEqual([]);
    expect(JSON.stringify(access)).not.toMatch(/beef|callbackUrl|from=2026/);
    const login = parsed.find((l) => l.event === "analytics" && l.analytics_event === "auth.login");
    expect(login?.request_id).toBeTruthy();
    const all = lines.join("\n").toLowerCase();
    for (const bad of [PERSON.email, PERSON.username, PERSON.password, PERSON.fullName, "secret-query"])
      expect(all).not.toContain(bad.toLowerCase());
    expect(parsed.map((l) => l.event)).toContain("shutdown");
  });
});
