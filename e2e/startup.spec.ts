// How the production server starts and fails: bad configuration, a busy data folder, a database that
// goes away at run time. No browser needed; these drive the real standalone server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startServer } from "./server";

const root = path.resolve(__dirname, "..");

function runUntilExit(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, ".next/standalone/server.js")], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        HOSTNAME: "127.0.0.1",
        MIGRATIONS_DIR: path.join(root, "prisma/migrations"),
        ...env,
      },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "tt-start-"));

test("a malformed DATABASE_URL stops the start with one line naming it", async () => {
  const dir = tmp();
  const res = await runUntilExit({
    PORT: "3161",
    DATABASE_URL: "mysql://root@localhost/tt",
    DATA_DIR: dir,
    LOG_DIR: dir,
  });
  expect(res.code).toBe(1);
  expect(res.output).toContain(
    "TimeTracker cannot start: Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL",
  );
});

test("a second server on the same embedded data folder refuses to start, and the first keeps working", async () => {
  const first = await startServer(3162);
  try {
    const res = await runUntilExit({ PORT: "3163", DATA_DIR: first.dataDir, LOG_DIR: first.logDir });
    expect(res.code).toBe(1);
    expect(res.output).toMatch(/already open by another TimeTracker process \(pid \d+\)/);
    const ready = await fetch(`${first.url}/api/ready`);
    expect(ready.status).toBe(200);
  } finally {
    await first.stop();
  }
});

test("PostgreSQL going away at run time: /api/ready says 503, then recovers", async () => {
  const pgUrl = process.env.TEST_DATABASE_URL;
  test.skip(!pgUrl, "needs TEST_DATABASE_URL (bash .ci/run provides it)");
  const target = new URL(pgUrl!);
  // A TCP relay between the app and PostgreSQL that the test can cut.
  const sockets = new Set<net.Socket>();
  let open = true;
  const relay = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on("error", close);
    upstream.on("error", close);
  });
  await new Promise<void>((r) => relay.listen(0, "127.0.0.1", r));
  const port = (relay.address() as net.AddressInfo).port;
  const viaRelay = new URL(pgUrl!);
  viaRelay.host = `127.0.0.1:${port}`;
  const server = await startServer(3164, {
    DATABASE_URL: viaRelay.toString(),
    NEXTAUTH_SECRET: "e2e-secret-0123456789-abcdefghijklmnop",
  });
  try {
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    open = false;
    for (const s of sockets) s.destroy();
    const down = await fetch(`${server.url}/api/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", reason: "database unavailable" });
    const log = fs.readFileSync(path.join(server.logDir, "app.jsonl"), "utf8");
    expect(log).toContain('"event":"ready.failed"');
    open = true;
    await expect.poll(async () => (await fetch(`${server.url}/api/ready`)).status, { timeout: 15_000 }).toBe(200);
  } finally {
    await server.stop();
    relay.close();
  }
});
