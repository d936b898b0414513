// Sentry on the server against a local fake DSN host: an unexpected server-action error arrives as an
// event with the release and environment, scrubbed of emails and query strings; without a DSN nothing
// is sent. The SDK runs in a child Node process (its OpenTelemetry set-up cannot run inside Jest).
import { execFile } from "node:child_process";
import path from "node:path";
import { APP_VERSION } from "@/lib/version";
import { startFakeCollector, type FakeCollector } from "./helpers/fake-collector";

const root = path.resolve(__dirname, "..");
let fake: FakeCollector;

beforeEach(async () => {
  fake = await startFakeCollector();
});
afterEach(async () => {
  await fake.close();
});

function runFixture(env: Record<string, string>, fixture = "tests/fixtures/sentry-action-error.ts"): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", fixture],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: "production",
          LOG_LEVEL: "silent",
          LOG_DIR: "/tmp/tt-sentry-test-logs",
          ...env,
        },
        timeout: 60_000,
      },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout.trim())),
    );
  });
}

test("with SENTRY_DSN an action's unexpected error arrives, scrubbed, with release and environment", async () => {
  const out = await runFixture({
    SENTRY_DSN: `http://publickey@127.0.0.1:${fake.port}/7`,
    SENTRY_ENVIRONMENT: "test-env",
  });
  expect(out).toContain("sentry:on");
  const event = fake.requests.find((r) => r.body.includes('"type":"event"'));
  expect(event).toBeDefined();
  expect(event!.url).toMatch(/^\/api\/7\/envelope\//);
  expect(event!.body).toContain("boom for [email] at /entries");
  expect(event!.body).toContain(`"release":"${APP_VERSION}"`);
  expect(event!.body).toContain('"environment":"test-env"');
  expect(event!.body).toContain('"action":"test.explode"');
  expect(fake.all()).not.toMatch(/carol@example\.com|private-note/);
});

test("without SENTRY_DSN (or with DO_NOT_TRACK) nothing is sent", async () => {
  // Both at once (two child processes). Each fixture awaits flushSentry() before it prints and exits,
  // so once both have exited anything they sent has been answered, hence recorded: no waiting after.
  const [plain, dnt] = await Promise.all([
    runFixture({}),
    runFixture({ SENTRY_DSN: `http://publickey@127.0.0.1:${fake.port}/7`, DO_NOT_TRACK: "1" }),
  ]);
  expect(plain).toContain("sentry:off");
  expect(dnt).toContain("sentry:off");
  expect(fake.requests).toHaveLength(0);
});

test("a database error reaches Sentry with its code and statement only; the request with its path only", async () => {
  const out = await runFixture(
    { SENTRY_DSN: `http://publickey@127.0.0.1:${fake.port}/7`, SENTRY_ENVIRONMENT: "test-env" },
    "tests/fixtures/sentry-db-error.ts",
  );
  const [state, userId] = out.split("\n").at(-1)!.split(" ");
  expect(state).toBe("sentry:on");
  const events = fake.requests.filter((r) => r.body.includes('"type":"event"'));
  expect(events.length).toBe(2);
  const all = fake.all();
  for (const bad of [
    "sentry-db-private-note-3c7a",
    "erin.dbleak",
    "erin@example.org",
    userId!,
    "Invalid Date",
    "installation-host.example",
    "forwarded-host.example",
  ])
    expect(all).not.toContain(bad);
  expect(all).toContain("PrismaClientValidationError");
  expect(all).toContain("message withheld");
  expect(all).toContain("on TimeEntry.create");
  for (const e of events) expect(e.body).toContain('"url":"/timer"');
});
