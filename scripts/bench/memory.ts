// Memory figures for `npm run bench:http` (issue #19): the server's RSS idle after start and after
// the load, PGlite's own floor (a bare Node process opening the same data folder, nothing else
// loaded) and, on PGlite, the very first start on a new data folder (initdb).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer } from "../../e2e/server";
import { rssMiB } from "../lib/bench-server";

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS of a running server after `settleMs` without requests (GC and lazy start-up work done). */
export async function idleRss(pid: number, settleMs = 5000): Promise<number> {
  await settle(settleMs);
  return rssMiB(pid);
}

// What PGlite alone takes: open the folder, answer one query, report RSS (the server must be stopped).
const FLOOR = `
const [{ PGlite }, { NodeFS }] = await Promise.all([import("@electric-sql/pglite"), import("@electric-sql/pglite/nodefs")]);
const db = new PGlite({ fs: new NodeFS(process.argv[1]) });
await db.query("SELECT 1");
await new Promise((r) => setTimeout(r, 2000));
process.stdout.write(String(process.memoryUsage().rss));
await db.close();
`;

export function pgliteFloorMiB(dataDir: string): number {
  const res = spawnSync(process.execPath, ["--input-type=module", "-e", FLOOR, dataDir], {
    cwd: path.resolve(__dirname, "../.."),
    encoding: "utf8",
    timeout: 120_000,
  });
  if (res.status !== 0) throw new Error(`PGlite floor failed: ${res.stderr}`);
  return Math.round(Number(res.stdout) / 1024 / 102.4) / 10;
}

/** The production server started on a NEW, empty PGlite data folder: RSS once ready and idle. */
export async function firstStartRss(port: number): Promise<{ readyMs: number; idleMiB: number }> {
  const t = performance.now();
  const server = await startServer(port, {
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
  });
  const readyMs = Math.round(performance.now() - t);
  try {
    return { readyMs, idleMiB: await idleRss(server.process.pid!) };
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
  }
}

export const memoryMachine = () => ({ totalMiB: Math.round(os.totalmem() / 1048576) });
