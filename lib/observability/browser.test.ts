/**
 * @jest-environment jsdom
 */
// The browser side against a local fake PostHog host: nothing loads without a configuration; with
// one, posthog-js runs with memory persistence (no cookies, no storage), no autocapture, and sends
// only page views with the path (no host, query string, campaign parameters, referrer or title),
// GeoIP off, identified by the internal id.
import { startFakeCollector, eventually, type FakeCollector } from "@/tests/helpers/fake-collector";

let fake: FakeCollector;
beforeAll(async () => {
  fake = await startFakeCollector();
});
afterAll(async () => {
  await fake.close();
});

test("with no configuration nothing is loaded or sent", async () => {
  // Nothing can be sent without an SDK: record whether either SDK module is even required.
  const loaded: string[] = [];
  jest.isolateModules(() => {
    jest.doMock("posthog-js", () => {
      loaded.push("posthog-js");
      return { default: { init: () => undefined } };
    });
    jest.doMock("@sentry/nextjs", () => {
      loaded.push("@sentry/nextjs");
      return { init: () => undefined };
    });
    (jest.requireActual("./browser") as typeof import("./browser")).startBrowserMonitoring({});
  });
  // The SDKs are imported lazily (a promise): let any such import settle before looking.
  await new Promise((r) => setTimeout(r, 0));
  jest.dontMock("posthog-js");
  jest.dontMock("@sentry/nextjs");
  expect(loaded).toEqual([]);
  expect(fake.requests).toHaveLength(0);
  expect(document.cookie).toBe("");
});

test("with PostHog configured: memory persistence, no autocapture, scrubbed page views, internal id", async () => {
  window.history.replaceState(
    {},
    "",
    "/reports?note=secret-query&email=ann@example.com&utm_source=newsletter-src&utm_campaign=camp-x&gclid=gclid-123",
  );
  Object.defineProperty(document, "referrer", { value: "https://referrer-site.example/from?q=1", configurable: true });
  document.title = "Reports · Ann's private title";
  const userId = "7d3f6c1e-0000-4000-8000-000000000001";
  const { startBrowserMonitoring } = await import("./browser");
  startBrowserMonitoring({ posthog: { key: "phc_browser", host: fake.url, distinctId: userId } });
  document.body.innerHTML = '<button id="b">Save note</button>';
  document.getElementById("b")!.click();
  await eventually(
    () => fake.all().includes("$pageview"),
    15_000,
    () => fake.all().slice(0, 500),
  );
  // A marker captured after the click: once it has arrived, so has everything queued before it
  // (an $autocapture of the click, say), so the checks below see all there is to see. It is a second
  // page view because before_send lets nothing else leave the browser.
  const { default: posthog } = await import("posthog-js");
  posthog.capture("$pageview");
  await eventually(
    () => (fake.all().match(/"\$pageview"/g) ?? []).length >= 2,
    15_000,
    () => fake.all().slice(0, 500),
  );
  // Bodies and URLs only: the Referer *header* is the browser's business (real browsers send only the
  // origin cross-origin under the default strict-origin-when-cross-origin policy; jsdom sends it all).
  const all = fake.requests.map((r) => `${r.url}\n${r.body}`).join("\n");
  const events = fake.requests.flatMap(
    (r) => (JSON.parse(r.body) as { batch: { event: string; properties: Record<string, unknown> }[] }).batch,
  );
  expect(events.map((e) => e.event)).toContain("$pageview");
  for (const e of events) expect(e.properties.distinct_id).toBe(userId);
  for (const e of events) {
    expect(e.event).toBe("$pageview");
    expect(e.properties.$geoip_disable).toBe(true);
    expect(e.properties.$current_url).toBe("/reports");
    expect(e.properties.$pathname).toBe("/reports");
    for (const k of Object.keys(e.properties))
      expect(k).not.toMatch(/referr|^\$host$|^\$initial_|^utm_|gclid|title|^\$session_entry/);
    expect(e).not.toHaveProperty("$set_once");
  }
  for (const bad of [
    "secret-query",
    "ann@example.com",
    "private title",
    "Save note",
    "$autocapture",
    "$identify",
    "localhost",
    "referrer-site",
    "newsletter-src",
    "camp-x",
    "gclid-123",
  ])
    expect(all).not.toContain(bad);
  expect(document.cookie).toBe("");
  expect(window.localStorage.length).toBe(0);
  expect(window.sessionStorage.length).toBe(0);
});
