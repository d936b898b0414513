// Issue #18's REST API scenarios for `npm run bench:http` (http.ts calls them), or alone on a fresh
// bench database: `tsx --conditions=react-server scripts/bench/http-api.ts [--quick | --entries N]
// [--port 3600] [--duration 20] [--connections 1,10] [--only api_entry_create,…] [--webhook-events 500]
// [--no-webhooks] [--cpu-prof DIR] [--keep | --reuse tt_bench_NAME|PGLITE_DIR] [--out DIR]` (npm run build first).
// Every bench user bench1… gets a personal access token (createApiToken, as the profile page does);
// requests carry only `Authorization: Bearer`, no session. Each scenario runs at c=1 (the latency
// targets) and c=10, right after GET /api/health at the same concurrency (the floor).
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { CannonRequest } from "autocannon";
import { setDbConnection } from "@/lib/db";
import { createApiToken } from "@/lib/services/api-tokens";
import { cannon, type HttpFigures } from "../lib/cannon";
import { drain, load1, prepareDb, startBenchServer, type PreparedDb } from "../lib/bench-server";
import { machine } from "./measure";
import { prepareWebhookBench, runWebhookBench, type WebhookFixture } from "./http-webhooks";

const log = (m: string) => process.stderr.write(`${m}\n`);

/** Targets from issue #18 (p50 at c=1, 1M entries). */
export const API_TARGETS = { api_entries_list: 30, api_entry_create: 15 } as const;

export interface ApiFixture {
  /** tokens[i] belongs to bench<i+1> (a member), scopes entries:read + entries:write. */
  tokens: string[];
  projectId: string;
  webhook: WebhookFixture;
  /** Entries earlier runs created on this database (the next create takes the slot after them). */
  created: number;
}

/** What the server needs for these scenarios: a per-token limit no run reaches (the counter is still
 * written on every request), and webhooks to the local receiver (the operator setting). */
export const API_SERVER_ENV = { API_RATE_LIMIT_PER_MINUTE: "1000000", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" };

/** Before the server starts (PGlite: one process per folder): tokens, a project, the webhook endpoint. */
export async function prepareApiBench(db: PreparedDb, n: number): Promise<ApiFixture> {
  const conn = db.open();
  setDbConnection(conn);
  try {
    const users = await conn.raw.query<{ id: string; username: string }>(
      `SELECT id, username FROM users WHERE role = 'user' ORDER BY (substring(username from 6))::int`,
    );
    const [project] = await conn.raw.query<{ id: string }>(
      "SELECT id FROM projects WHERE NOT archived ORDER BY name LIMIT 1",
    );
    // A reused database: an earlier run's endpoint points at a receiver long gone, and its creates
    // took the first slots (later ones continue after them, so that none overlaps).
    await conn.raw.query("DELETE FROM webhook_endpoints WHERE description = 'bench receiver'");
    const [made] = await conn.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM time_entries WHERE notes = 'bench' AND source = 'manual'",
    );
    const tokens: string[] = [];
    for (const u of users.slice(0, n)) {
      const { secret } = await createApiToken(
        { id: u.id, role: "user" },
        { name: "bench", scopes: ["entries:read", "entries:write"], expiresIn: "7" },
      );
      tokens.push(secret);
    }
    // The webhook user is the last bench user: no API scenario writes as them.
    const webhook = await prepareWebhookBench(users[users.length - 1], project.id);
    return { tokens, projectId: project.id, webhook, created: Number(made.n) };
  } finally {
    setDbConnection(undefined);
    await conn.close();
  }
}

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

/** Follows the cursor `pages` pages into token's own entries; the last cursor reached and its depth. */
async function deepCursor(
  url: string,
  token: string,
  pages: number,
): Promise<{ cursor: string | null; depth: number }> {
  let cursor: string | null = null;
  let depth = 0;
  for (let p = 0; p < pages; p++) {
    const q = `/api/v1/entries?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await fetch(`${url}${q}`, { headers: bearer(token) });
    if (!res.ok) throw new Error(`GET ${q}: HTTP ${res.status}`);
    const body = (await res.json()) as { data: unknown[]; nextCursor: string | null };
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
    depth = (p + 1) * 100;
  }
  return { cursor, depth };
}

/** Distinct entries per request (no overlaps piling up on one day): 8 one-hour slots a day from 2020-01-01. */
function createBody(projectId: string, k: number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(k / 8) * 86_400_000).toISOString().slice(0, 10);
  const h = 8 + (k % 8);
  const hh = (x: number) => String(x).padStart(2, "0");
  return JSON.stringify({
    projectId,
    date: day,
    startTime: `${hh(h)}:00`,
    endTime: `${hh(h + 1)}:00`,
    notes: "bench",
  });
}

function line(name: string, f: HttpFigures, ratio?: number): void {
  log(
    `${name.padEnd(28)} ${String(f.reqPerSec).padStart(8)} req/s  p50 ${String(f.p50Ms).padStart(6)} ms  p99 ${String(f.p99Ms).padStart(7)} ms  errors ${f.errors}${ratio === undefined ? "" : `  ratio ${ratio}`}  (load ${load1()})`,
  );
}

export interface ApiBenchOptions {
  url: string;
  fixture: ApiFixture;
  durationSeconds: number;
  /** Concurrencies to measure; the targets apply to 1. */
  connections: number[];
  /** Pages to follow for the deep-cursor scenario. */
  deepPages?: number;
  /** Only these scenarios (default: all). */
  only?: string[];
}

/** The API scenarios; keys api_<name>_c<N>, each with its floor, ratio = p50 / floor p50. */
export async function runApiBench(o: ApiBenchOptions): Promise<Record<string, unknown>> {
  const { url, fixture } = o;
  const results: Record<string, unknown> = {};
  const maxC = Math.max(...o.connections);
  if (fixture.tokens.length < maxC) throw new Error(`need ${maxC} tokens, have ${fixture.tokens.length}`);
  const deep = await Promise.all(fixture.tokens.slice(0, maxC).map((t) => deepCursor(url, t, o.deepPages ?? 20)));
  log(`deep cursors: ${deep.map((d) => d.depth).join(", ")} rows in`);
  let next = fixture.created;
  const scenarios: Record<string, (i: number) => CannonRequest[]> = {
    api_entries_list: (i) => [{ path: "/api/v1/entries?limit=100", headers: bearer(fixture.tokens[i]) }],
    api_entries_list_deep: (i) => [
      {
        path: `/api/v1/entries?limit=100${deep[i].cursor ? `&cursor=${encodeURIComponent(deep[i].cursor!)}` : ""}`,
        headers: bearer(fixture.tokens[i]),
      },
    ],
    api_entry_create: (i) => [
      {
        method: "POST",
        path: "/api/v1/entries",
        headers: { ...bearer(fixture.tokens[i]), "content-type": "application/json" },
        // Each request its own body and Idempotency-Key (a replay would be a different, cheaper path).
        setupRequest: (req) => ({
          ...req,
          body: createBody(fixture.projectId, next++),
          headers: { ...req.headers, "idempotency-key": randomUUID() },
        }),
      },
    ],
  };
  // Warm-up: route compilation, JIT, the pool.
  await cannon({ url, connections: 2, durationSeconds: 3, perConnection: scenarios.api_entries_list });
  for (const c of o.connections) {
    for (const [name, perConnection] of Object.entries(scenarios)) {
      if (o.only && !o.only.includes(name)) continue;
      await drain(url);
      const floor = await cannon({
        url,
        connections: c,
        durationSeconds: o.durationSeconds,
        requests: [{ path: "/api/health" }],
      });
      await drain(url);
      const app = await cannon({ url, connections: c, durationSeconds: o.durationSeconds, perConnection });
      const ratio = Math.round((app.p50Ms / Math.max(floor.p50Ms, 0.1)) * 10) / 10;
      const target = c === 1 ? API_TARGETS[name as keyof typeof API_TARGETS] : undefined;
      line(`floor c=${c}`, floor);
      line(`${name} c=${c}`, app, ratio);
      results[`${name}_c${c}`] = {
        ...app,
        loadAverage: load1(),
        floor,
        latencyRatio: ratio,
        ...(target ? { targetP50Ms: target, targetMet: app.p50Ms <= target } : {}),
        ...(name === "api_entries_list_deep" ? { rowsIn: deep.slice(0, c).map((d) => d.depth) } : {}),
      };
    }
  }
  return results;
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      entries: { type: "string" },
      port: { type: "string", default: "3600" },
      duration: { type: "string" },
      "webhook-events": { type: "string" },
      keep: { type: "boolean", default: false },
      reuse: { type: "string" },
      out: { type: "string", default: "bench/results" },
      only: { type: "string" },
      connections: { type: "string", default: "1,10" },
      "no-webhooks": { type: "boolean", default: false },
      "cpu-prof": { type: "string" },
    },
  });
  const entries = values.entries ? Number(values.entries) : values.quick ? 10_000 : 1_000_000;
  const duration = Number(values.duration ?? (values.quick ? 5 : 20));
  const startLoad = machine();
  const db = await prepareDb({ entries, users: 50, log, keep: values.keep, reuse: values.reuse });
  const fixture = await prepareApiBench(db, 10);
  let scenarios: Record<string, unknown> = {};
  try {
    const prof = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
    const server = await startBenchServer(db, Number(values.port), API_SERVER_ENV, 250, prof);
    try {
      scenarios = await runApiBench({
        url: server.url,
        fixture,
        durationSeconds: duration,
        connections: values.connections.split(",").map(Number),
        only: values.only?.split(","),
      });
      if (!values["no-webhooks"])
        scenarios.webhooks = await runWebhookBench(server.url, fixture.webhook, {
          events: Number(values["webhook-events"] ?? (values.quick ? 100 : 500)),
          log,
          db,
        });
    } finally {
      await server.stop();
    }
  } finally {
    await fixture.webhook.receiver.close();
    await db.drop();
  }
  const report = {
    date: new Date().toISOString(),
    command: `tsx scripts/bench/http-api.ts ${process.argv.slice(2).join(" ")}`.trim(),
    machine: startLoad,
    db: { kind: db.kind },
    dataset: { ...db.dataset, seedSeconds: values.reuse ? null : db.seedSeconds, reused: Boolean(values.reuse) },
    method: API_METHOD,
    scenarios,
  };
  const dir = path.resolve(values.out);
  fs.mkdirSync(dir, { recursive: true });
  const size = entries >= 1_000_000 ? `${entries / 1e6}m` : `${entries / 1000}k`;
  const file = path.join(dir, `${report.date.slice(0, 10)}-${db.kind}-${size}-api.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}

export const API_METHOD = {
  loadGenerator: "autocannon 9, in-process, keep-alive connections, one request in flight per connection",
  floor:
    "GET /api/health at the same concurrency, measured right before each API scenario; latencyRatio = p50 / floor p50",
  auth: "connection i sends bench<i+1>'s personal access token (Authorization: Bearer), no session",
  list: "GET /api/v1/entries?limit=100: the token owner's newest 100 entries; _deep: the page after following the cursor up to 20 pages",
  create: "POST /api/v1/entries, a different one-hour entry each time, each with its own Idempotency-Key",
  webhooks:
    "an endpoint of the last bench user for entry.created to a receiver in the bench process; see scenarios.webhooks.method",
};

if (/http-api\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((err) => {
    log(`http-api failed: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  });
}
