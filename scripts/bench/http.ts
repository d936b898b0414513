// `npm run bench:http [-- --quick | --entries N] [--port 3400] [--duration 20] [--connections 50]
//   [--cold-samples 5] [--keep] [--out DIR]`: issue #7's HTTP scenarios against the production build
// (`npm run build` first) on a seeded bench database (PostgreSQL from DATABASE_URL, else PGlite).
// Each scenario is measured beside its floor in the same run; results go to
// bench/results/<date>-<db>-<size>-http.json. See docs/performance.md "HTTP".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CannonRequest } from "autocannon";
import { cannon, type HttpFigures } from "../lib/cannon";
import { benchLogin, drain, load1, prepareDb, signInAll, startBenchServer, type PreparedDb } from "../lib/bench-server";
import { API_METHOD, API_SERVER_ENV, prepareApiBench, runApiBench } from "./http-api";
import { runWebhookBench } from "./http-webhooks";
import { machine, stats } from "./measure";
import { leanScenarios, leanTargets } from "./lean";
import { timerFloor, type TimerFloor } from "./timer-floor";
import { firstStartRss, idleRss, pgliteFloorMiB } from "./memory";

const log = (m: string) => process.stderr.write(`${m}\n`);
const METRICS_TOKEN = "bench-metrics-token-0123456789";

function line(name: string, f: HttpFigures): void {
  log(
    `${name.padEnd(22)} ${String(f.reqPerSec).padStart(8)} req/s  p50 ${String(f.p50Ms).padStart(7)} ms  p99 ${String(f.p99Ms).padStart(7)} ms  errors ${f.errors}  (load ${load1()})`,
  );
}

/** Spawn → /api/ready answers 200 (polled every 20 ms), alternated with `node -e 0`. */
async function coldStart(db: PreparedDb, port: number, samples: number) {
  const app: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t = performance.now();
    const server = await startBenchServer(db, port, {}, 20);
    app.push(performance.now() - t);
    await server.stop();
    t = performance.now();
    spawnSync(process.execPath, ["-e", "0"]);
    floor.push(performance.now() - t);
    log(`cold start ${i + 1}/${samples}: ${app[i].toFixed(0)} ms (node -e 0: ${floor[i].toFixed(0)} ms)`);
  }
  const a = stats(app);
  const f = stats(floor);
  return { samples, p50Ms: a.p50, maxMs: a.max, floor: { p50Ms: f.p50, maxMs: f.max }, loadAverage: load1() };
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      entries: { type: "string" },
      port: { type: "string", default: "3400" },
      duration: { type: "string", default: "20" },
      connections: { type: "string", default: "50" },
      "cold-samples": { type: "string", default: "5" },
      keep: { type: "boolean", default: false },
      out: { type: "string", default: "bench/results" },
    },
  });
  const entries = values.entries ? Number(values.entries) : values.quick ? 10_000 : 1_000_000;
  const c = Number(values.connections);
  const duration = Number(values.duration);
  const port = Number(values.port);
  const startLoad = machine();
  const db = await prepareDb({ entries, users: Math.max(50, c), log, keep: values.keep });
  const check = db.open();
  const [project] = await check.raw.query<{ id: string }>("SELECT id FROM projects ORDER BY name LIMIT 1");
  await check.close();
  const api = await prepareApiBench(db, 10); // issue #18: tokens and the webhook receiver

  const server = await startBenchServer(db, port, { METRICS_TOKEN, ...API_SERVER_ENV });
  const results: Record<string, unknown> = {};
  // Memory (issue #19): idle right after start, before any request but the readiness poll.
  const memory: Record<string, unknown> = { idleAfterStartMiB: await idleRss(server.process.pid!) };
  log(`idle RSS after start: ${memory.idleAfterStartMiB} MiB`);
  let runningPerUser: { max: number; users: number } | null = null;
  try {
    const url = server.url;
    log(`server ready at ${url}; signing in ${c} users …`);
    const cookies = await signInAll(
      url,
      Array.from({ length: c }, (_, i) => benchLogin(i)),
    );
    const asUser =
      (p: string, more: object = {}) =>
      (i: number) => [{ path: p, headers: { cookie: cookies[i] }, ...more }];
    // Warm-up: JIT, route compilation caches, the pool.
    await cannon({ url, connections: 10, durationSeconds: 5, perConnection: asUser("/") });
    await cannon({ url, connections: 10, durationSeconds: 2, requests: [{ path: "/api/health" }] });

    const health = () =>
      cannon({ url, connections: c, durationSeconds: duration, requests: [{ path: "/api/health" }] });
    const pair = async (name: string, run: () => Promise<HttpFigures>) => {
      await drain(url);
      const floor = await health();
      line(`floor ${name}`, floor);
      await drain(url);
      const app = await run();
      line(name, app);
      const ratio = Math.round((app.reqPerSec / Math.max(floor.reqPerSec, 0.1)) * 1000) / 1000;
      results[name] = { ...app, loadAverage: load1(), floor, throughputRatio: ratio };
    };

    await pair("dashboard", () =>
      cannon({ url, connections: c, durationSeconds: duration, perConnection: asUser("/") }),
    );

    const timerBody = JSON.stringify({ projectId: project.id });
    await pair("timer_start_stop", () =>
      cannon({
        url,
        connections: c,
        durationSeconds: duration,
        perConnection: (i): CannonRequest[] => [
          {
            method: "POST",
            path: "/api/v1/timer",
            headers: { cookie: cookies[i], "content-type": "application/json" },
            body: timerBody,
          },
          { method: "DELETE", path: "/api/v1/timer", headers: { cookie: cookies[i] } },
        ],
      }),
    );

    Object.assign(results, await runApiBench({ url, fixture: api, durationSeconds: duration, connections: [1, 10] }));
    results.webhooks = await runWebhookBench(url, api.webhook, { events: values.quick ? 100 : 500, log, db });
    // Issue #19: timer at c=1, dashboard at c=20 (lean.ts).
    results.lean = await leanScenarios({ url, cookies, projectId: project.id, durationSeconds: duration, log });
    // Its floor (PostgreSQL): health and the cycle timed to the microsecond, beside the service alone
    // and one committed write (timer-floor.ts).
    if (db.kind === "postgres") {
      await drain(url);
      const conn = db.open();
      try {
        const [u] = await conn.raw.query<{ id: string }>("SELECT id FROM users WHERE username = $1", [benchLogin(1)]);
        results.timer_floor = await timerFloor({
          url,
          conn,
          cookie: cookies[1],
          userId: u.id,
          projectId: project.id,
          seconds: duration,
          rounds: 4,
          log,
        });
      } finally {
        await conn.close();
      }
    }

    await drain(url);
    const metrics = await cannon({
      url,
      connections: 1,
      durationSeconds: 10,
      requests: [{ path: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } }],
    });
    line("metrics (c=1)", metrics);
    results.metrics_scrape = { ...metrics, loadAverage: load1() };
    memory.afterLoadMiB = await idleRss(server.process.pid!, 2000);
    log(`RSS after the scenarios: ${memory.afterLoadMiB} MiB`);
    results.targets = leanTargets({
      lean: results.lean as Awaited<ReturnType<typeof leanScenarios>>,
      timer50: results.timer_start_stop as { p50Ms: number; floor: { p50Ms: number } },
      timerFloor: results.timer_floor as TimerFloor | undefined,
      idleMiB: memory.idleAfterStartMiB as number,
      afterLoadMiB: memory.afterLoadMiB as number,
    });
    log(`targets: ${JSON.stringify(results.targets)}`);
  } finally {
    await server.stop();
    await api.webhook.receiver.close();
  }
  try {
    const conn = db.open();
    const [r] = await conn.raw.query<{ max: number; users: number }>(
      `SELECT coalesce(max(n), 0)::int AS max, count(*)::int AS users
         FROM (SELECT user_id, count(*) AS n FROM time_entries WHERE "end" IS NULL GROUP BY user_id) x`,
    );
    await conn.close();
    runningPerUser = r;
    log(`after the timer run: ${r.users} users with a running timer, at most ${r.max} each`);
    results.cold_start = await coldStart(db, port, Number(values["cold-samples"]));
    if (db.kind === "pglite") {
      // PGlite alone on the same folder, then the server's very first start on a new folder (initdb).
      const floor = pgliteFloorMiB(db.where);
      memory.pgliteFloorMiB = floor;
      memory.aboveFloorMiB = Math.round(((memory.idleAfterStartMiB as number) - floor) * 10) / 10;
      memory.firstStart = await firstStartRss(port);
      log(
        `PGlite floor ${memory.pgliteFloorMiB} MiB; first start on a new folder: ${JSON.stringify(memory.firstStart)}`,
      );
    }
    results.memory = memory;
  } finally {
    await db.drop();
  }

  const report = {
    date: new Date().toISOString(),
    command: `npm run bench:http -- ${process.argv.slice(2).join(" ")}`.trim(),
    machine: startLoad,
    db: { kind: db.kind },
    dataset: { ...db.dataset, seedSeconds: db.seedSeconds },
    method: {
      loadGenerator: "autocannon 9, in-process, keep-alive connections, one request in flight per connection",
      floor: "GET /api/health at the same concurrency, measured right before each scenario",
      distinctUsers: "connection i is signed in as bench<i> (dashboard and timer)",
      api: API_METHOD,
    },
    scenarios: { ...results, timer_running_per_user_after: runningPerUser },
  };
  const dir = path.resolve(values.out);
  fs.mkdirSync(dir, { recursive: true });
  const size = entries >= 1_000_000 ? `${entries / 1e6}m` : `${entries / 1000}k`;
  const file = path.join(dir, `${report.date.slice(0, 10)}-${db.kind}-${size}-http.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  log(`bench:http failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
