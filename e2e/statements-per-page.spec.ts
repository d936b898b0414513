// How many SQL statements one dashboard view sends (6), counted by the production server itself
// (timetracker_db_query_duration_seconds counts every statement, Prisma or plain driver). It was 27
// before relation joins and the per-render memo of the session user, settings and running timer
// (docs/performance-history.md); this keeps it from creeping back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "../scripts/lib/http-session";
import { freePort } from "../scripts/lib/deploy/http";
import { createUserCli, startServer, type RunningServer } from "./server";

const METRICS_TOKEN = "e2e-statements-token";
const USER = { username: "stmt-admin", password: "stmt-pass-12345" };
let server: RunningServer;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-stmt-"));
  createUserCli(dataDir, [
    "--username",
    USER.username,
    "--email",
    "stmt@example.com",
    "--password",
    USER.password,
    "--admin",
  ]);
  // No webhook worker: its background polls would be counted between the two scrapes.
  server = await startServer(await freePort(), { DATA_DIR: dataDir, METRICS_TOKEN, WEBHOOK_WORKER: "false" });
});
test.afterAll(() => server?.stop());

/** Statements the server has counted so far (all models and operations). */
async function statements(): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  let sum = 0;
  for (const m of text.matchAll(/^timetracker_db_query_duration_seconds_count\{[^}]*\} (\d+)$/gm)) sum += Number(m[1]);
  return sum;
}

test("one dashboard view sends at most 6 SQL statements", async () => {
  const cookie = await signIn(server.url, USER.username, USER.password);
  const dashboard = async () => {
    const res = await fetch(`${server.url}/`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Dashboard");
  };
  await dashboard(); // first view: settings row, caches, compiled routes
  await dashboard();
  // A scrape's own statements (its gauges), measured between two scrapes with nothing in between.
  const a = await statements();
  const b = await statements();
  await dashboard();
  const c = await statements();
  const perView = c - b - (b - a);
  expect(perView).toBeGreaterThan(0);
  expect(perView).toBeLessThanOrEqual(6);
});
