// Crash safety of the embedded database: a burst of entry creations over HTTP, kill -9 mid-burst,
// restart on the same data folder, and every creation that was answered 201 must still be there.
// No browser: plain fetch against the production server (needs `npm run build`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createUserCli, startServer, type RunningServer } from "./server";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 10);
const port = Number(process.env.E2E_PORT ?? 3100) + 20;
const USER = { username: "crash-admin", email: "crash@e2e.test", password: "crash-pass-123" };

async function signIn(base: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ login: USER.username, password: USER.password, csrfToken, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: HTTP ${res.status}`);
  return session;
}

async function countEntries(base: string, cookie: string): Promise<string> {
  // fetch asks for gzip: the export still comes uncompressed (Cache-Control: no-transform turns off
  // Next's compression, which made large exports three times slower: docs/performance.md).
  const res = await fetch(`${base}/reports/export`, { headers: { cookie, "accept-encoding": "gzip, deflate, br" } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-encoding")).toBeNull();
  return res.text();
}

test("acknowledged entries survive kill -9 of the server (PGlite)", async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-crash-"));
  createUserCli(dataDir, ["--username", USER.username, "--email", USER.email, "--password", USER.password, "--admin"]);
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "e2e/crash-seed.ts", USER.username], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" },
    encoding: "utf8",
  });
  const projectId = /PROJECT=(\S+)/.exec(seed.stdout)?.[1];
  expect(projectId, seed.stderr).toBeTruthy();

  const acked: string[] = [];
  let attempted = 0;
  let server: RunningServer | undefined;
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    server = await startServer(port, { DATA_DIR: dataDir });
    const cookie = await signIn(server.url);
    // Every entry acknowledged so far is present after the previous crash.
    const csv = await countEntries(server.url, cookie);
    for (const note of acked) expect(csv, `acknowledged entry ${note} lost`).toContain(note);
    // One warm-up write (the first request compiles the route), then the burst: 4 parallel
    // writers, kill -9 after a random 300–1200 ms.
    let stop = false;
    const writer = async (w: number, once = false) => {
      for (let i = 0; !stop; i++) {
        const note = `crash-r${round}-w${w}-n${i}`;
        attempted++;
        try {
          const res = await fetch(`${server!.url}/api/v1/entries`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie },
            body: JSON.stringify({ projectId, date: "2026-01-05", duration: "5m", notes: note }),
          });
          if (res.status === 201) acked.push(note);
          else if (!stop) expect(res.status, await res.text()).toBe(201);
          if (once) return;
        } catch {
          return; // the server died mid-request: not acknowledged
        }
      }
    };
    await writer(9, true);
    const burst = Promise.all([0, 1, 2, 3].map((w) => writer(w)));
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 900));
    server.process.kill("SIGKILL");
    stop = true;
    await burst;
    await new Promise((r) =>
      server!.process.exitCode !== null || server!.process.signalCode ? r(null) : server!.process.once("exit", r),
    );
  }
  // Final check after the last crash: the database opens cleanly and nothing acknowledged is lost.
  server = await startServer(port, { DATA_DIR: dataDir });
  const cookie = await signIn(server.url);
  const csv = await countEntries(server.url, cookie);
  const lost = acked.filter((n) => !csv.includes(n));
  const ready = await fetch(`${server.url}/api/ready`);
  await server.stop();
  console.log(
    `crash-safety: ${ROUNDS} kill -9 rounds in ${Math.round((Date.now() - started) / 1000)} s, ` +
      `${attempted} writes attempted, ${acked.length} acknowledged, ${lost.length} lost`,
  );
  expect(ready.status).toBe(200);
  expect(lost).toEqual([]);
});
