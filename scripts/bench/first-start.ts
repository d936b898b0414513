// PGlite's first start against a restart (issue #19): the production server started on a NEW data
// folder (initdb in a child, then the migrations in the server), idle; stopped; started again on the
// same folder, idle; then PGlite alone opening that folder in a bare Node process (the floor). Each
// idle figure is the RSS 5 s after /api/ready plus the heap and external (WebAssembly) memory from the
// server's /metrics, so a difference between the two starts shows which part it is in.
//   tsx --conditions=react-server scripts/bench/first-start.ts [--runs 2] [--port 3754] [--out FILE]
// npm run build first.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "../../e2e/server";
import { load1, rssMiB } from "../lib/bench-server";
import { scrapeMemory } from "../load/verify";
import { pgliteFloorMiB } from "./memory";

const TOKEN = "first-start-metrics-token-0123456789";
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The process's mappings with the most resident memory (/proc/<pid>/smaps): PGlite's WebAssembly
 * memory is one anonymous mapping of its size, the V8 heap others, so a difference between two starts
 * shows which one grew. */
function topMappings(pid: number, n = 6): { name: string; sizeMiB: number; rssMiB: number }[] {
  const maps: { name: string; sizeMiB: number; rssMiB: number }[] = [];
  let name = "";
  let size = 0;
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) name = head[1] || "[anon]";
    const m = /^(Size|Rss):\s+(\d+) kB/.exec(line);
    if (m?.[1] === "Size") size = Number(m[2]);
    else if (m)
      maps.push({ name, sizeMiB: Math.round(size / 102.4) / 10, rssMiB: Math.round(Number(m[2]) / 102.4) / 10 });
  }
  return maps.sort((x, y) => y.rssMiB - x.rssMiB).slice(0, n);
}

async function idle(port: number, dataDir: string) {
  const t = performance.now();
  const server = await startServer(port, {
    DATA_DIR: dataDir,
    METRICS_TOKEN: TOKEN,
    NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef",
  });
  const readyMs = Math.round(performance.now() - t);
  try {
    await settle(5000);
    const rss = rssMiB(server.process.pid!);
    const parts = await scrapeMemory(server.url, TOKEN);
    const mappings = topMappings(server.process.pid!);
    return { readyMs, rssMiB: rss, ...parts, mappings, loadAverage: load1() };
  } finally {
    await server.stop();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "2" },
      port: { type: "string", default: "3754" },
      out: { type: "string" },
    },
  });
  const port = Number(values.port);
  const runs = [];
  for (let i = 0; i < Number(values.runs); i++) {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "tt-first-start-"));
    const dataDir = path.join(base, "data");
    try {
      const first = await idle(port, dataDir);
      const restart = await idle(port, dataDir);
      const floor = pgliteFloorMiB(dataDir);
      runs.push({ first, restart, pgliteFloorMiB: floor });
      process.stderr.write(
        `run ${i + 1}: first start ${first.rssMiB} MiB (external ${first.externalMiB}, heap ${first.heapUsedMiB}/${first.heapTotalMiB}, ` +
          `top mappings ${JSON.stringify(first.mappings)}), restart ${restart.rssMiB} MiB (external ${restart.externalMiB}, ` +
          `heap ${restart.heapUsedMiB}/${restart.heapTotalMiB}, top mappings ${JSON.stringify(restart.mappings)}); ` +
          `PGlite alone ${floor} MiB; load ${first.loadAverage}/${restart.loadAverage}\n`,
      );
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  }
  const text = `${JSON.stringify({ date: new Date().toISOString(), runs }, null, 2)}\n`;
  if (values.out) fs.writeFileSync(values.out, text);
  else process.stdout.write(text);
}

main().catch((err) => {
  process.stderr.write(`first-start failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
