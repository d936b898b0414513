// The floor of issue #19's timer target (timer start + stop p50 ≤ 2 × the /api/health p50): what no
// change to the HTTP layer or the service can beat, measured in the same run as the target, each
// sample timed to the microsecond by one sequential keep-alive client (autocannon rounds to 1 ms):
//   health      GET /api/health over HTTP (no database)
//   cycle       POST then DELETE /api/v1/timer over HTTP (session cookie), as lean.ts drives it
//   service     startTimer + stopTimer called in this bare Node process (no HTTP, no auth): the
//               services' statements and their two commits through Prisma
//   commit      one committed write through the plain driver (an UPDATE of one entry, autocommit):
//               one round trip and one WAL flush, the least any durable timer start or stop needs
//   commitPrisma  the same statement through Prisma ($executeRaw)
// Samples alternate between the kinds in short rounds, so a busy machine slows all alike.
// PostgreSQL only (on PGlite the server holds the one connection to the data folder).
// Alone: tsx --conditions=react-server scripts/bench/timer-floor.ts [--entries 100000] [--port 3450]
//   [--seconds 5] [--rounds 4] [--out FILE]   (DATABASE_URL = the server; npm run build first)
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import { setDbConnection } from "@/lib/db";
import type { DbConnection } from "@/lib/db/connection";
import { startTimer, stopTimer } from "@/lib/services/timer";
import { benchLogin, BENCH_PASSWORD, load1, prepareDb, startBenchServer, type PreparedDb } from "../lib/bench-server";
import { signIn } from "../lib/http-session";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function request(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

type Sample = () => Promise<void>;

/** Runs `sample` repeatedly for `ms`; the wall time of each, in ms. */
async function samples(sample: Sample, ms: number): Promise<number[]> {
  const out: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const t = performance.now();
    await sample();
    out.push(performance.now() - t);
  }
  return out;
}

const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 1000) / 1000;
};

export interface TimerFloorInput {
  url: string;
  conn: DbConnection;
  cookie: string;
  userId: string;
  projectId: string;
  seconds: number;
  rounds: number;
  log: (m: string) => void;
}

export async function timerFloor(o: TimerFloorInput) {
  const base = new URL(o.url);
  const at = (path: string) => new URL(path, base);
  const json = { cookie: o.cookie, "content-type": "application/json" };
  const body = JSON.stringify({ projectId: o.projectId });
  const ok = (want: number) => (status: number) => {
    if (status !== want) throw new Error(`expected HTTP ${want}, got ${status}`);
  };
  const actor = { id: o.userId, role: "user" as const };
  const [{ id: entryId }] = await o.conn.raw.query<{ id: string }>(
    `SELECT id FROM time_entries WHERE user_id = $1 AND "end" IS NOT NULL ORDER BY start LIMIT 1`,
    [o.userId],
  );
  const pool = o.conn.pool!;
  const kinds: Record<string, Sample> = {
    health: async () => ok(200)(await request(at("/api/health"), "GET", {})),
    cycle: async () => {
      ok(201)(await request(at("/api/v1/timer"), "POST", json, body));
      ok(200)(await request(at("/api/v1/timer"), "DELETE", { cookie: o.cookie }));
    },
    service: async () => {
      await startTimer(actor, { projectId: o.projectId });
      if (!(await stopTimer(actor))) throw new Error("nothing was running");
    },
    commit: async () => {
      await pool.query("UPDATE time_entries SET notes = notes WHERE id = $1", [entryId]);
    },
    commitPrisma: async () => {
      await o.conn.prisma.$executeRaw`UPDATE time_entries SET notes = notes WHERE id = ${entryId}::uuid`;
    },
  };
  const all: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  const loads: number[] = [];
  setDbConnection(o.conn);
  try {
    for (const k of Object.keys(kinds)) await samples(kinds[k], 300); // warm-up
    for (let r = 0; r < o.rounds; r++) {
      for (const k of Object.keys(kinds)) all[k].push(...(await samples(kinds[k], (o.seconds * 1000) / o.rounds)));
      loads.push(load1());
    }
  } finally {
    setDbConnection(undefined);
  }
  const fig = Object.fromEntries(
    Object.entries(all).map(([k, xs]) => [k, { samples: xs.length, p50Ms: p(xs, 0.5), p90Ms: p(xs, 0.9) }]),
  ) as Record<keyof typeof kinds, { samples: number; p50Ms: number; p90Ms: number }>;
  const vs = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const h = fig.health.p50Ms;
  const result = {
    method:
      "one sequential keep-alive client, microsecond timing, kinds alternated in rounds; cycle = POST + DELETE /api/v1/timer",
    ...fig,
    loadAverage: loads,
    cycleVsHealth: vs(fig.cycle.p50Ms, h),
    serviceVsHealth: vs(fig.service.p50Ms, h),
    // A start and a stop each need at least one durable commit: the cycle cannot be under two of them.
    twoCommitsVsHealth: vs(2 * fig.commit.p50Ms, h),
    twoPrismaCommitsVsHealth: vs(2 * fig.commitPrisma.p50Ms, h),
    // Over HTTP a cycle is two requests, each at least a health round trip plus its commit: the floor
    // that no change to the app can beat (over 2: the target cannot be met for a durable timer).
    cycleFloorVsHealth: vs(2 * h + 2 * fig.commit.p50Ms, h),
    // One request (start or stop) at least: a health round trip plus one commit through Prisma.
    requestFloorVsHealth: vs(h + fig.commitPrisma.p50Ms, h),
    target: 2,
  };
  o.log(
    `timer floor (p50, ms): health ${h}, cycle ${fig.cycle.p50Ms} (${result.cycleVsHealth}×), service alone ${fig.service.p50Ms} (${result.serviceVsHealth}×), ` +
      `one commit ${fig.commit.p50Ms} (two: ${result.twoCommitsVsHealth}×), through Prisma ${fig.commitPrisma.p50Ms}; ` +
      `floor of a cycle over HTTP ${result.cycleFloorVsHealth}×, of one request ${result.requestFloorVsHealth}×; load ${loads.join(", ")}`,
  );
  return result;
}

export type TimerFloor = Awaited<ReturnType<typeof timerFloor>>;

async function main() {
  const { values } = parseArgs({
    options: {
      entries: { type: "string", default: "100000" },
      port: { type: "string", default: "3450" },
      seconds: { type: "string", default: "20" },
      rounds: { type: "string", default: "4" },
      out: { type: "string" },
      "server-node-options": { type: "string" },
    },
  });
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL (PostgreSQL) is required");
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const db: PreparedDb = await prepareDb({ entries: Number(values.entries), users: 3, log });
  const conn = db.open();
  try {
    const [user] = await conn.raw.query<{ id: string }>("SELECT id FROM users WHERE username = $1", [benchLogin(1)]);
    const [project] = await conn.raw.query<{ id: string }>(
      "SELECT id FROM projects WHERE NOT archived ORDER BY name LIMIT 1",
    );
    const server = await startBenchServer(db, Number(values.port), {
      ...(values["server-node-options"] ? { NODE_OPTIONS: values["server-node-options"] } : {}),
    });
    try {
      const cookie = await signIn(server.url, benchLogin(1), BENCH_PASSWORD);
      const result = await timerFloor({
        url: server.url,
        conn,
        cookie,
        userId: user.id,
        projectId: project.id,
        seconds: Number(values.seconds),
        rounds: Number(values.rounds),
        log,
      });
      const text = `${JSON.stringify({ date: new Date().toISOString(), entries: Number(values.entries), ...result }, null, 2)}\n`;
      if (values.out) fs.writeFileSync(values.out, text);
      else process.stdout.write(text);
    } finally {
      await server.stop();
    }
  } finally {
    await conn.close();
    await db.drop();
    agent.destroy();
  }
}

if (/timer-floor\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((err) => {
    process.stderr.write(`timer-floor failed: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  });
}
