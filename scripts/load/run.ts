// `npm run load [-- --users 100] [--duration 60] [--entries 100000] [--port 3450] [--pool N] [--keep]
//   [--server-env K=V,…] [--node-options "…"] [--name SUFFIX] [--out DIR]`: issue #8's load test. Seeds a bench database (PostgreSQL from DATABASE_URL, else
// PGlite), starts the production build on it (`npm run build` first), signs in N users and drives
// them for the duration with the mix of scripts/load/mix.ts (one connection per user), sampling the
// server's RSS each second. Then checks every acknowledged creation against the database and the
// memory growth, prints a summary, writes bench/results/<date>-<db>-load.json, and exits 1 on failure.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchLogin, drain, load1, prepareDb, rssMiB, signInAll, startBenchServer } from "../lib/bench-server";
import { cannon, type HttpFigures } from "../lib/cannon";
import { machine } from "../bench/measure";
import { idleRss } from "../bench/memory";
import { MIX, newTally, userCycle } from "./mix";
import { checkEntries, checkMemory, scrapeMemory, type EntryCheck, type MemoryBreakdown } from "./verify";

const log = (m: string) => process.stderr.write(`${m}\n`);
/** Users (beyond the measured ones) that run the mix for WARM_SECONDS first: every route compiled, caches
 * and pools filled, so the memory windows compare a warm server with itself. */
const WARM = 10;
const WARM_SECONDS = 20;
const METRICS_TOKEN = "load-metrics-token-0123456789";

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "100" },
      duration: { type: "string", default: "60" },
      entries: { type: "string", default: "100000" },
      port: { type: "string", default: "3450" },
      pool: { type: "string" },
      keep: { type: "boolean", default: false },
      // Memory settings to compare (issue #19): e.g. --server-env MALLOC_ARENA_MAX=2
      // --node-options "--max-semi-space-size=4"; recorded in the result.
      "server-env": { type: "string" },
      "node-options": { type: "string" },
      name: { type: "string" },
      out: { type: "string", default: "bench/results" },
    },
  });
  const users = Number(values.users);
  const duration = Number(values.duration);
  const m = machine();
  // bench0 is the admin; the load runs as bench1…benchN (members); WARM more users warm the server up.
  const db = await prepareDb({ entries: Number(values.entries), users: users + 1 + WARM, log, keep: values.keep });
  const pre = db.open();
  const projects = await pre.raw.query<{ id: string }>(
    "SELECT id FROM projects WHERE NOT archived ORDER BY name LIMIT 20",
  );
  await pre.close();

  const serverEnv = Object.fromEntries(
    (values["server-env"] ?? "")
      .split(",")
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
  );
  const server = await startBenchServer(db, Number(values.port), {
    METRICS_TOKEN,
    ...(values.pool ? { DB_POOL_MAX: values.pool } : {}),
    ...serverEnv,
    ...(values["node-options"] ? { NODE_OPTIONS: values["node-options"] } : {}),
  });
  // Issue #19: RSS idle after start (no request but the readiness poll) and once the load is over.
  const idleAfterStartMiB = await idleRss(server.process.pid!);
  let afterLoadMiB = Number.NaN;
  const tally = newTally();
  const rss: number[] = [];
  const heap: MemoryBreakdown[] = [];
  let http: HttpFigures;
  let since: Date;
  let stoppedAt: Date;
  const loads: number[] = [];
  try {
    log(`server ready at ${server.url}; signing in ${users} users …`);
    const cookies = await signInAll(
      server.url,
      Array.from({ length: users }, (_, i) => benchLogin(i + 1)),
    );
    const warm = await signInAll(
      server.url,
      Array.from({ length: WARM }, (_, i) => benchLogin(users + 1 + i)),
    );
    log(`warming up: ${WARM} other users for ${WARM_SECONDS} s …`);
    await cannon({
      url: server.url,
      connections: WARM,
      durationSeconds: WARM_SECONDS,
      timeoutSeconds: 30,
      perConnection: (i) => userCycle(warm[i], projects[i % projects.length].id, newTally()),
    });
    await drain(server.url);
    since = new Date();
    log(`running: ${users} users for ${duration} s …`);
    const pid = server.process.pid!;
    const sampler = setInterval(() => {
      rss.push(rssMiB(pid));
      loads.push(load1());
      // Where the memory is (V8 heap, buffers and WASM), from the server's own /metrics, every 10 s.
      if (rss.length % 10 === 0) void scrapeMemory(server.url, METRICS_TOKEN).then((b) => b && heap.push(b));
    }, 1000);
    try {
      http = await cannon({
        url: server.url,
        connections: users,
        durationSeconds: duration,
        // Correctness under load, not latency, is judged here: only a request unanswered for 30 s fails.
        timeoutSeconds: 30,
        perConnection: (i) => userCycle(cookies[i], projects[i % projects.length].id, tally),
      });
    } finally {
      clearInterval(sampler);
      stoppedAt = new Date();
    }
    await drain(server.url);
    afterLoadMiB = await idleRss(server.process.pid!);
  } finally {
    await server.stop();
  }
  let entries: EntryCheck;
  try {
    const conn = db.open();
    entries = await checkEntries(conn, tally.created, since, stoppedAt, users);
    await conn.close();
  } finally {
    await db.drop();
  }
  const memory = checkMemory(rss);
  const loadAverage = Math.round((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)) * 100) / 100;
  const ok = http.errors === 0 && entries.ok && memory.ok;

  log(`\nload test, ${db.kind}, ${users} users, ${duration} s (load average ${loadAverage} during the run):`);
  log(
    `  ${http.requests} requests, ${http.reqPerSec} req/s, p50 ${http.p50Ms} ms, p99 ${http.p99Ms} ms, max ${http.maxMs} ms`,
  );
  log(`  errors ${http.errors}; statuses ${JSON.stringify(http.statusCodes)}`);
  for (const [step, s] of Object.entries(tally.byStep)) log(`    ${step.padEnd(15)} ${JSON.stringify(s)}`);
  log(`  entries: ${JSON.stringify(entries)}`);
  log(`  server RSS per 10 s window (MiB): ${memory.windowsMiB.join(", ")}; growth ${memory.growthPercent ?? "n/a"} %`);
  const afterVsIdle = Math.round((afterLoadMiB / idleAfterStartMiB) * 100) / 100;
  log(
    `  server RSS idle after start ${idleAfterStartMiB} MiB, after the load ${afterLoadMiB} MiB: ${afterVsIdle} × (issue #19 target ≤ 1.5 ×)` +
      ` with ${JSON.stringify({ ...serverEnv, NODE_OPTIONS: values["node-options"] ?? null })}`,
  );
  log(
    `  V8 heap used / total, external (MiB) every 10 s: ${heap.map((b) => `${b.heapUsedMiB}/${b.heapTotalMiB}, ${b.externalMiB}`).join("; ")}`,
  );
  log(ok ? "  PASS" : "  FAIL");

  const report = {
    date: new Date().toISOString(),
    command: `npm run load -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: m,
    db: { kind: db.kind },
    dataset: { ...db.dataset, seedSeconds: db.seedSeconds },
    users,
    durationSeconds: duration,
    loadAverageDuringRun: loadAverage,
    mix: MIX.map(([step, what]) => ({ step, what })),
    http,
    byStep: tally.byStep,
    entries,
    server: { env: serverEnv, nodeOptions: values["node-options"] ?? null },
    memory: {
      ...memory,
      idleAfterStartMiB,
      afterLoadMiB,
      afterLoadVsIdle: afterVsIdle,
      samplesMiB: rss,
      breakdownEvery10s: heap,
    },
    pass: ok,
  };
  const dir = path.resolve(values.out);
  fs.mkdirSync(dir, { recursive: true });
  const suffix = values.name ? `-${values.name}` : "";
  const file = path.join(dir, `${report.date.slice(0, 10)}-${db.kind}-load-${users}u-${duration}s${suffix}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  log(`load failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
