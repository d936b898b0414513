// Sentry on the server against a local fake DSN host: an unexpected server-action error arrives as an
// event with the release and environment, scrubbed of emails and query strings; without a DSN the
// SDK is never started and nothing is sent.
import { runAction } from "@/lib/action";
import { resetEnvCache } from "@/lib/env";
import { flushSentry, initSentryServer, sentryActive } from "@/lib/observability/sentry";
import { installObservability } from "@/lib/observability/setup";
import { APP_VERSION } from "@/lib/version";
import { eventually, startFakeCollector, type FakeCollector } from "./helpers/fake-collector";

let fake: FakeCollector;

beforeAll(async () => {
  fake = await startFakeCollector();
});
afterAll(async () => {
  await fake.close();
  delete process.env.SENTRY_DSN;
  delete process.env.SENTRY_ENVIRONMENT;
  resetEnvCache();
});

test("without SENTRY_DSN the SDK is not started", () => {
  delete process.env.SENTRY_DSN;
  resetEnvCache();
  expect(initSentryServer()).toBe(false);
  expect(sentryActive()).toBe(false);
});

test("with SENTRY_DSN an action's unexpected error arrives, scrubbed, with release and environment", async () => {
  process.env.SENTRY_DSN = `http://publickey@127.0.0.1:${fake.port}/7`;
  process.env.SENTRY_ENVIRONMENT = "jest";
  resetEnvCache();
  expect(installObservability().sentry).toBe(true);
  const res = await runAction("test.explode", async () => {
    throw new Error("boom for carol@example.com at /entries?note=private-note");
  });
  expect(res).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
  await flushSentry(5000);
  await eventually(() => fake.requests.some((r) => r.body.includes('"type":"event"')), 10_000, "an error event");
  const event = fake.requests.find((r) => r.body.includes('"type":"event"'))!;
  expect(event.url).toMatch(/^\/api\/7\/envelope\//);
  expect(event.body).toContain("boom for [email] at /entries");
  expect(event.body).toContain(`"release":"${APP_VERSION}"`);
  expect(event.body).toContain('"environment":"jest"');
  expect(event.body).toContain('"action":"test.explode"');
  expect(fake.all()).not.toMatch(/carol@example\.com|private-note/);
});
