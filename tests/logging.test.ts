// Logs as an operator reads them: JSON lines in LOG_DIR/LOG_FILE, one request id across a request's
// lines, secrets redacted, and the file reopened after logrotate moved it (SIGHUP). Database errors
// and the access log: tests/logging-access.test.ts.
import fs from "node:fs";
import { logger, reopenLogFile } from "@/lib/observability/logger";
import { withRoute } from "@/lib/observability/with-route";
import { runAction } from "@/lib/action";
import { has, setupLogFile } from "./helpers/log-file";

const log = setupLogFile("tt-logs-", 5000);
const { lines } = log;

test("every line a route handler logs carries the request id; withRoute writes no access line of its own", async () => {
  const handler = withRoute("/api/things/[id]", async () => {
    logger().info({ event: "work.step" }, "doing work");
    await new Promise((r) => setTimeout(r, 5));
    logger().warn({ event: "work.slow" }, "slow step");
    return new Response("ok", { status: 201 });
  });
  const res = await handler(
    new Request("http://x/api/things/123?secret=1", { headers: { "x-request-id": "req-abc-1" } }),
  );
  expect(res.headers.get("x-request-id")).toBe("req-abc-1");
  logger().info({ event: "after.request" }, "marker");
  const mine = (await lines(has("after.request"))).filter((l) => l.request_id === "req-abc-1");
  expect(mine.map((l) => l.event)).toEqual(["work.step", "work.slow"]);
  expect(JSON.stringify(mine)).not.toContain("/api/things/123");
  for (const l of mine) {
    expect(new Date(String(l.time)).toISOString()).toBe(l.time);
    expect(typeof l.message).toBe("string");
  }
});

test("a generated request id is returned when the client sent none or an unsafe one", async () => {
  const handler = withRoute("/api/x", () => new Response("ok"));
  const res = await handler(new Request("http://x/api/x", { headers: { "x-request-id": "bad id with spaces" } }));
  expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("a server action's lines share one request id and the action is logged once", async () => {
  const { runWithContext } = await import("@/lib/observability/request-context");
  await runWithContext({ requestId: "req-action-7" }, () =>
    runAction("test.action", async () => {
      logger().info({ event: "inside" }, "inside the action");
      return 1;
    }),
  );
  const mine = (await lines(has("action", "req-action-7"))).filter((l) => l.request_id === "req-action-7");
  expect(mine.map((l) => l.event)).toEqual(["inside", "action"]);
  expect(mine[1]).toMatchObject({ action: "test.action", outcome: "ok" });
});

test("secrets are redacted wherever they appear as keys", async () => {
  logger().info(
    {
      event: "secrets.test",
      password: "hunter2-password",
      token: "tok-123456",
      headers: { authorization: "Bearer abcdef", cookie: "next-auth.session-token=zzz" },
      config: { dsn: "https://key@sentry.example/1", secret: "s3", apiKey: "phc_key" },
    },
    "with secrets",
  );
  const line = (await lines(has("secrets.test"))).find((l) => l.event === "secrets.test")!;
  const text = JSON.stringify(line);
  for (const s of ["hunter2-password", "tok-123456", "Bearer abcdef", "zzz", "key@sentry", '"s3"', "phc_key"])
    expect(text).not.toContain(s);
  expect(text).toContain("[redacted]");
});

test("after logrotate moves the file, SIGHUP's reopen writes a new file", async () => {
  logger().info({ event: "before.rotate" }, "before");
  await lines(has("before.rotate"));
  fs.renameSync(log.file(), `${log.file()}.1`);
  reopenLogFile();
  await new Promise((r) => setTimeout(r, 50));
  logger().info({ event: "after.rotate" }, "after");
  const fresh = await lines(has("after.rotate"));
  expect(fresh.map((l) => l.event)).toEqual(["after.rotate"]);
  expect(fs.readFileSync(`${log.file()}.1`, "utf8")).toContain("before.rotate");
});
