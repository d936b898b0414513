// Starts the built standalone server on a fresh temporary data folder, for browser tests and smoke
// checks. Requires `npm run build` first.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface RunningServer {
  url: string;
  dataDir: string;
  logDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, "..");

export async function waitFor(url: string, timeoutMs = 60_000, pollMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  throw new Error(`${url} did not become ready: ${last}`);
}

/** pollMs: how often to ask /api/ready (the cold-start benchmark polls every 20 ms); nodeArgs: flags for
 * node itself, e.g. `--cpu-prof` (not allowed in NODE_OPTIONS). */
export async function startServer(
  port: number,
  extraEnv: Record<string, string> = {},
  pollMs = 250,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const server = path.join(root, ".next/standalone/server.js");
  if (!fs.existsSync(server)) throw new Error("No production build: run `npm run build` first.");
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-"));
  const dataDir = path.join(base, "data");
  const logDir = path.join(base, "logs");
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_DIR: logDir,
    MIGRATIONS_DIR: path.join(root, "prisma/migrations"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // As `npm start` and the image run it (scripts/start.mjs): the benchmarks measure what ships.
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
    ...extraEnv,
  };
  // The embedded database unless the caller asks for PostgreSQL explicitly.
  env.DATABASE_URL = extraEnv.DATABASE_URL;
  const child = spawn(process.execPath, [...nodeArgs, server], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out = fs.createWriteStream(path.join(base, "server.out"));
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/ready`, 60_000, pollMs);
  return {
    url,
    dataDir,
    logDir,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

/** Creates an account with the CLI, against the server's data folder (the server must be stopped
 * for PGlite, so this runs before start). */
export function createUserCli(dataDir: string, args: string[]): void {
  const res = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/user-create.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" },
    encoding: "utf8",
  });
  if (res.status !== 0) throw new Error(`user:create failed: ${res.stderr}${res.stdout}`);
}
