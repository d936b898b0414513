// `npm start`: builds when the build is missing or older than the sources, then runs the standalone
// server on the embedded database (or DATABASE_URL). Migrations run inside the server at start.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, ".next/standalone/server.js");
const stamp = path.join(root, ".next/standalone/.build-stamp");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== "generated") max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

const built = fs.existsSync(server) && fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
const changed = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
if (!built || changed > built) {
  console.log(built ? "Sources changed since the last build: rebuilding…" : "No build yet: building (about a minute)…");
  const res = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

// The standalone server changes directory to its own folder: pin data, logs and migrations to the
// project so they live where the README says.
const abs = (v, def) => path.resolve(root, v ?? def);
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  // Our own SIGTERM handler (lib/services/startup.ts) closes the database and flushes logs, then exits.
  NEXT_MANUAL_SIG_HANDLE: "true",
  // glibc's malloc arenas (default 8 per core) are a known multiplier of a Node server's resident
  // memory; two keep it lower idle and after load (docs/performance.md "Memory"). Read by glibc when
  // the process starts, so it must be set here, not inside the server. The operator's value wins.
  MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
  PORT: process.env.PORT ?? "3000",
  HOSTNAME: process.env.HOST ?? "0.0.0.0",
  DATA_DIR: abs(process.env.DATA_DIR, "data"),
  LOG_DIR: abs(process.env.LOG_DIR, "logs"),
  MIGRATIONS_DIR: abs(process.env.MIGRATIONS_DIR, "prisma/migrations"),
};
console.log(
  `TimeTracker: http://localhost:${env.PORT} (${env.DATABASE_URL ? "PostgreSQL" : `embedded database in ${env.DATA_DIR}`})`,
);
const child = spawn(process.execPath, [server], { env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
