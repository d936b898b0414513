// A new PGlite data folder is created (PostgreSQL's initdb) in a short-lived child process, not in
// the server. initdb grows PGlite's WASM memory to ~800 MiB, and WASM memory is never given back:
// done in the server, a new installation would run at twice the size of a restarted one for as long
// as it lives (measured: 817–885 MiB on the first start, ~380 MiB on a restart; docs/performance.md).
// The child opens the folder (which runs initdb), closes it and exits; the server then opens an
// existing folder like on any restart.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** True when `dir` already holds a PostgreSQL cluster (PGlite's own test: PG_VERSION exists). */
export function hasCluster(dir: string): boolean {
  return fs.existsSync(path.join(dir, "PG_VERSION"));
}

// Plain ESM, run with `node --input-type=module`: resolves PGlite from the working directory (the
// project, or .next/standalone in production, where serverExternalPackages puts it). The folder is
// 0700 already (secureDataDir), so nothing in it is reachable by others while the child writes; the
// parent tightens the new files' modes afterwards.
const CHILD = `
const [{ PGlite }, { NodeFS }] = await Promise.all([
  import("@electric-sql/pglite"),
  import("@electric-sql/pglite/nodefs"),
]);
const db = new PGlite({ fs: new NodeFS(process.argv[1]) });
await db.waitReady;
await db.close();
`;

export class InitdbError extends Error {
  constructor(dir: string, detail: string) {
    super(`Could not create the embedded database in ${dir}: ${detail}`);
    this.name = "InitdbError";
  }
}

/**
 * Creates the cluster in `dir` in a child process when the folder has none yet; no-op otherwise.
 * Synchronous on purpose: it runs once, at the first start, before the server serves anything.
 */
export function initClusterInChild(dir: string, timeoutMs = 300_000): boolean {
  if (hasCluster(dir)) return false;
  const res = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD, dir], {
    cwd: process.cwd(),
    encoding: "utf8",
    timeout: timeoutMs,
  });
  if (res.error) throw new InitdbError(dir, res.error.message);
  if (res.status !== 0 || !hasCluster(dir)) {
    const last = (res.stderr || "").trim().split("\n").slice(-3).join(" ").slice(0, 500);
    throw new InitdbError(dir, last || `the initdb process exited with ${res.status ?? res.signal}`);
  }
  return true;
}
