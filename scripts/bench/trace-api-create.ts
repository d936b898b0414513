// The SQL one `POST /api/v1/entries` (with an Idempotency-Key, as the bench sends it) costs on a
// database, statement by statement, each with the server's own time for it: `EXPLAIN (ANALYZE,
// BUFFERS, WAL)` replayed in a transaction that is rolled back. For finding what differs between a
// 10k and a 1M database (issue #18) without the noise of the HTTP server and a busy machine.
//   DATABASE_URL=postgresql://…/tt_bench_NAME npx tsx --conditions=react-server scripts/bench/trace-api-create.ts [--user bench1] [--runs 5]
// (a database seeded by `http-api.ts --keep`; each run adds one entry, on a day of its own in 2019).
// The route handler cannot be loaded outside Next.js: create() makes the same service calls in the
// same order as apiRoute (lib/api/json-route.ts) and the route (app/api/v1/entries/route.ts).
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { setDbConnection } from "@/lib/db";
import { connect } from "@/lib/db/connection";
import { passApiGate } from "@/lib/services/api-gate";
import { authenticateApiToken, createApiToken } from "@/lib/services/api-tokens";
import { addManualEntry } from "@/lib/services/entries";
import { completeIdempotencyKey, requestHash } from "@/lib/services/idempotency";
import { ZManualEntry } from "@/lib/validation/entries";

interface Sent {
  text: string;
  values: unknown[];
  /** Wall time from the call to its answer, ms (the client's view: network, queueing, the server). */
  ms: number;
  /** Sent while another statement was still running (side by side on two pool connections). */
  beside: boolean;
}

interface ExplainJson {
  "Execution Time": number;
  Plan: { "Shared Read Blocks"?: number; "WAL FPI"?: number; "WAL Bytes"?: number };
}

const log = (m: string) => process.stdout.write(`${m}\n`);

/** What POST /api/v1/entries runs for a token with an Idempotency-Key; the new entry's id. */
async function create(secret: string, body: string): Promise<string> {
  const check = await authenticateApiToken(secret);
  if (!check.ok) throw new Error(`token: ${check.reason}`);
  const owner = { userId: check.user.id, tokenId: check.tokenId };
  const key = randomUUID();
  const limit = { name: "api:token", points: 1_000_000, windowSeconds: 60, asyncCommit: true };
  const hash = requestHash("POST", "/api/v1/entries", body);
  const gate = await passApiGate(limit, check.tokenId, { owner, key, hash });
  if (gate.claim?.state !== "new") throw new Error(`claim: ${gate.claim?.state}`);
  const e = await addManualEntry(check.user, ZManualEntry.parse(JSON.parse(body)));
  await completeIdempotencyKey(owner, key, 201, JSON.stringify({ id: e.id, overlaps: e.overlaps }));
  return e.id;
}

async function main() {
  const { values: args } = parseArgs({
    options: { user: { type: "string", default: "bench1" }, runs: { type: "string", default: "5" } },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a seeded bench database (http-api.ts --keep).");
  const conn = connect({ kind: "postgres", url, poolMax: 10 });
  setDbConnection(conn);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const one = async <T>(sql: string, v: unknown[] = []) => (await admin.query(sql, v)).rows[0] as T;
    const user = await one<{ id: string }>("SELECT id FROM users WHERE username = $1", [args.user]);
    const project = await one<{ id: string }>("SELECT id FROM projects WHERE NOT archived ORDER BY name LIMIT 1");
    const { n } = await one<{ n: number }>("SELECT count(*)::int AS n FROM time_entries");
    log(`${n.toLocaleString("en")} entries; user ${args.user}`);
    const { secret } = await createApiToken(
      { id: user.id, role: "user" },
      { name: "trace", scopes: ["entries:write"], expiresIn: "7" },
    );

    let sent: Sent[] = [];
    let recording = false;
    let inFlight = 0;
    // Every statement the app sends: Prisma's adapter uses pool.query (whose client call takes a
    // callback, not counted twice) and, in a transaction, a client's query; the raw helper both.
    const wrap = (proto: { query: unknown }) => {
      const query = proto.query as (...a: unknown[]) => unknown;
      proto.query = function (this: unknown, ...a: unknown[]) {
        const out = query.apply(this, a);
        if (!recording || !(out instanceof Promise) || this === admin) return out;
        const cfg = a[0] as string | { text: string; values?: unknown[] };
        const s: Sent = {
          text: typeof cfg === "string" ? cfg : cfg.text,
          values: ((typeof cfg === "string" ? a[1] : cfg.values) as unknown[] | undefined) ?? [],
          ms: 0,
          beside: inFlight > 0,
        };
        const started = performance.now();
        inFlight++;
        sent.push(s);
        return out.finally(() => {
          s.ms = performance.now() - started;
          inFlight--;
        });
      };
    };
    wrap(pg.Client.prototype);
    wrap(pg.Pool.prototype);

    const runs = Number(args.runs);
    const day0 = Date.UTC(2019, 0, 1) + Math.floor(Math.random() * 300) * 86_400_000;
    const totals: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const date = new Date(day0 + r * 86_400_000).toISOString().slice(0, 10);
      const body = JSON.stringify({ projectId: project.id, date, startTime: "09:00", endTime: "10:00" });
      sent = [];
      recording = r > 0; // the first one warms the pool, the prepared plans and the token's last-used write
      const t = performance.now();
      const created = await create(secret, body);
      const total = performance.now() - t;
      recording = false;
      if (r === 0) continue;
      totals.push(total);
      if (r < runs) continue;
      // The last run in detail: each statement's time as the app saw it, then the server's own.
      log(`\none create, ${sent.length} statements (${total.toFixed(1)} ms in the services):`);
      for (const [i, s] of sent.entries()) {
        let server = "";
        if (!/^(BEGIN|COMMIT|ROLLBACK)/i.test(s.text.trim())) {
          await admin.query("BEGIN");
          try {
            // The new entry's id exists now: a fresh one, so that the insert's replay inserts too.
            const vals = s.values.map((v) => (v === created ? randomUUID() : v));
            const row = await one<{ "QUERY PLAN": ExplainJson[] }>(
              `EXPLAIN (ANALYZE, BUFFERS, WAL, FORMAT JSON) ${s.text}`,
              vals,
            );
            const p = row["QUERY PLAN"][0];
            server = `server ${p["Execution Time"].toFixed(2)} ms, read ${p.Plan["Shared Read Blocks"] ?? 0}, fpi ${p.Plan["WAL FPI"] ?? 0}`;
          } catch (err) {
            server = `(not replayed: ${(err as Error).message.slice(0, 40)})`;
          } finally {
            await admin.query("ROLLBACK");
          }
        }
        const head = s.text.replace(/\s+/g, " ").slice(0, 100);
        log(
          `${String(i + 1).padStart(2)}. ${s.ms.toFixed(2).padStart(6)} ms ${s.beside ? "∥" : " "} ${server.padEnd(40)} ${head}`,
        );
      }
    }
    totals.sort((a, b) => a - b);
    log(
      `\nservices over ${runs} creates: median ${totals[Math.floor(runs / 2)].toFixed(1)} ms, min ${totals[0].toFixed(1)} ms`,
    );
  } finally {
    await admin.end();
    setDbConnection(undefined);
    await conn.close();
  }
}

main().catch((err) => {
  process.stderr.write(`trace-api-create failed: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
