// PostHog from the server, against a local fake PostHog host: events arrive only with a key AND the
// administrator's consent, localOnly events never do, and no payload carries PII or secrets.
import { resetEnvCache } from "@/lib/env";
import { attemptLogin, resetLoginLimiter } from "@/lib/auth/login-guard";
import {
  flushPosthog,
  isProductAnalyticsAllowed,
  setProductAnalyticsAllowedResolver,
  shutdownPosthog,
} from "@/lib/observability/analytics";
import { installObservability } from "@/lib/observability/setup";
import { track } from "@/lib/observability/track";
import { systemActor } from "@/lib/services/actor";
import { createUser, type UserDto } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";
import { startFakeCollector, type FakeCollector } from "./helpers/fake-collector";

setupTestDb();

const USER = {
  username: "posthog-person",
  email: "ph.person@example.com",
  fullName: "Pat Person",
  password: "password-ph-1",
  role: "user" as const,
};
let user: UserDto;
let fake: FakeCollector;

function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  installObservability();
  user = await createUser(systemActor("test:posthog"), USER);
});
beforeEach(async () => {
  fake = await startFakeCollector();
  await resetLoginLimiter();
});
afterEach(async () => {
  await shutdownPosthog(2000);
  setProductAnalyticsAllowedResolver(undefined);
  configure({ POSTHOG_API_KEY: undefined, POSTHOG_HOST: undefined, DO_NOT_TRACK: undefined });
  await fake.close();
});

/** Everything tracked so far has been sent and answered (so recorded by the fake host), or dropped.
 * The sinks decide consent in microtasks (the resolver, or the cached setting: see expectNotAllowed),
 * so one macrotask turn lets every capture() happen; posthog-node's shutdown then waits for the
 * captures it is preparing, sends its queue and resolves once the host has answered. */
const settle = async () => {
  await new Promise((r) => setImmediate(r));
  await shutdownPosthog(10_000);
};

function expectNoPii() {
  const all = fake.all();
  for (const bad of [
    USER.email,
    USER.username,
    USER.fullName,
    USER.password,
    "cookie",
    "authorization",
    "a private note",
  ]) {
    expect(all.toLowerCase()).not.toContain(bad.toLowerCase());
  }
}

test("with a key and consent: product events and identify arrive, keyed by the internal id only", async () => {
  configure({ POSTHOG_API_KEY: "phc_test_key", POSTHOG_HOST: fake.url, DO_NOT_TRACK: "0" });
  setProductAnalyticsAllowedResolver(async () => true);

  const ok = await attemptLogin(USER.username, USER.password, "10.1.2.3");
  expect(ok.ok).toBe(true);
  await attemptLogin(USER.username, "wrong-password", "10.1.2.3");
  track(
    "task.created",
    {
      task_id: crypto.randomUUID(),
      project_id: crypto.randomUUID(),
      has_due_date: true,
      priority: "high",
      // @ts-expect-error: a property outside the catalog is dropped before sending
      notes: "a private note",
    },
    { userId: user.id },
  );
  await settle();

  const events = fake.requests.flatMap((r) => {
    const body = JSON.parse(r.body) as {
      batch?: { event: string; distinct_id: string; properties: Record<string, unknown> }[];
    };
    return body.batch ?? [];
  });
  const names = events.map((e) => e.event);
  expect(names).toEqual(expect.arrayContaining(["auth.login", "$identify", "task.created"]));
  expect(names).not.toContain("auth.login_failed");
  for (const e of events) expect(e.distinct_id).toBe(user.id);
  const identify = events.find((e) => e.event === "$identify")!;
  expect(identify.properties.$set).toEqual({ role: "user", auth_method: "password" });
  expect(events.find((e) => e.event === "task.created")!.properties).toMatchObject({
    has_due_date: true,
    priority: "high",
  });
  expect(fake.requests.every((r) => r.url.startsWith("/batch"))).toBe(true);
  expectNoPii();
});

test("with a key but without the administrator's consent: nothing is sent", async () => {
  configure({ POSTHOG_API_KEY: "phc_test_key", POSTHOG_HOST: fake.url, DO_NOT_TRACK: "0" });
  setProductAnalyticsAllowedResolver(undefined); // the real setting: no Installation row → not allowed
  // Read (and cached for 30 s) now, so the sinks below decide from the cache without a query.
  await expect(isProductAnalyticsAllowed()).resolves.toBe(false);
  await attemptLogin(USER.username, USER.password, "10.1.2.4");
  track("report.viewed", { report_type: "summary", date_range_days: 7 }, { userId: user.id });
  await settle();
  expect(fake.requests).toHaveLength(0);
});

test("without a key, or with DO_NOT_TRACK: nothing is sent", async () => {
  configure({ POSTHOG_API_KEY: undefined, POSTHOG_HOST: fake.url, DO_NOT_TRACK: "0" });
  setProductAnalyticsAllowedResolver(async () => true);
  track("report.viewed", { report_type: "summary", date_range_days: 7 }, { userId: user.id });
  await settle();
  configure({ POSTHOG_API_KEY: "phc_test_key", POSTHOG_HOST: fake.url, DO_NOT_TRACK: "1" });
  track("report.viewed", { report_type: "summary", date_range_days: 7 }, { userId: user.id });
  await attemptLogin(USER.username, USER.password, "10.1.2.5");
  await settle();
  expect(fake.requests).toHaveLength(0);
});

test("an unreachable PostHog host never breaks the code that emitted the event", async () => {
  const deadPort = fake.port;
  await fake.close();
  configure({ POSTHOG_API_KEY: "phc_test_key", POSTHOG_HOST: `http://127.0.0.1:${deadPort}`, DO_NOT_TRACK: "0" });
  setProductAnalyticsAllowedResolver(async () => true);
  expect(() =>
    track("report.viewed", { report_type: "summary", date_range_days: 1 }, { userId: user.id }),
  ).not.toThrow();
  const res = await attemptLogin(USER.username, USER.password, "10.1.2.6");
  expect(res.ok).toBe(true);
  await expect(flushPosthog()).resolves.toBeUndefined();
  // The host comes back on the same port: afterEach's shutdown delivers what is still queued there
  // instead of timing out on a dead host (and logging after the test file is done).
  fake = await startFakeCollector(deadPort); // afterEach closes it
});
