// The seeded database and production server that the HTTP benchmarks and the load test drive: a
// bench database (scripts/bench/db.ts) seeded with the bench dataset, every bench user given a known
// password, setup marked complete, no timer left running; then the standalone build started on it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { setDbConnection } from "@/lib/db";
import { connect, type DbConnection } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrate";
import { systemActor } from "@/lib/services/actor";
import { ensureInstallation, markSetupComplete } from "@/lib/services/installation";
import { startServer, type RunningServer } from "../../e2e/server";
import { openBenchDb } from "../bench/db";
import { signIn } from "./http-session";
import { datasetFor, seed, type Dataset } from "../bench/seed";

export const BENCH_PASSWORD = "bench-password-1";
export const benchLogin = (n: number) => `bench${n}`;

export interface PreparedDb {
  kind: "pglite" | "postgres";
  where: string;
  dataset: Dataset;
  seedSeconds: number;
  /** Environment for the server: DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL). */
  serverEnv: Record<string, string>;
  /** A fresh connection for checks (PGlite: only while the server is stopped). */
  open(): DbConnection;
  drop(): Promise<void>;
}

/** Seeds `entries` entries for `users` users (bench0 = admin, bench1… = users). */
export async function prepareDb(opts: {
  entries: number;
  users: number;
  log: (m: string) => void;
  keep?: boolean;
  /** A database (tt_bench_*) or PGlite folder an earlier `--keep` run seeded: migrated, not seeded again; kept. */
  reuse?: string;
}): Promise<PreparedDb> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const dataset = { ...datasetFor(opts.entries, yesterday), users: opts.users };
  // keep: the server needs the database after this process closes its own connection.
  const keep = opts.keep || Boolean(opts.reuse);
  const bdb = await openBenchDb(serverUrl, true, opts.reuse);
  opts.log(
    `${bdb.kind} at ${bdb.where}: ${opts.reuse ? "reused, as seeded before:" : "seeding"} ${opts.entries.toLocaleString("en")} entries, ${opts.users} users`,
  );
  const started = performance.now();
  try {
    setDbConnection(bdb.conn);
    const raw = bdb.conn.raw;
    await migrate(raw, path.resolve("prisma/migrations"));
    if (!opts.reuse) await seed(raw, dataset, opts.log);
    await raw.query("UPDATE users SET password_hash = $1", [await hashPassword(BENCH_PASSWORD)]);
    await raw.exec(`UPDATE time_entries SET "end" = start + interval '1 hour' WHERE "end" IS NULL`);
    await ensureInstallation();
    await markSetupComplete(systemActor("cli:bench"));
  } finally {
    setDbConnection(undefined);
    await bdb.conn.close();
  }
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
  const dbName = bdb.where.split("/").pop()!;
  const url = serverUrl ? Object.assign(new URL(serverUrl), { pathname: `/${dbName}` }).toString() : "";
  return {
    kind: bdb.kind,
    where: bdb.where,
    dataset,
    seedSeconds,
    serverEnv: serverUrl ? { DATABASE_URL: url } : { DATA_DIR: bdb.where },
    open: () =>
      serverUrl ? connect({ kind: "postgres", url, poolMax: 2 }) : connect({ kind: "pglite", dataDir: bdb.where }),
    async drop() {
      if (keep) return;
      if (!serverUrl) return fs.rmSync(bdb.where, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

/** The production build on the prepared database, with a fixed secret and the given extra env. */
export function startBenchServer(
  db: PreparedDb,
  port: number,
  env: Record<string, string> = {},
  pollMs = 250,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const base = { NEXTAUTH_SECRET: "bench-secret-0123456789abcdef0123456789abcdef", ...db.serverEnv };
  return startServer(port, { ...base, ...env }, pollMs, nodeArgs);
}

/** Signs in users 0..n-1 (a few at a time: each sign-in hashes a password) and returns their cookies. */
export async function signInAll(url: string, logins: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < logins.length; i += 5)
    out.push(...(await Promise.all(logins.slice(i, i + 5).map((l) => signIn(url, l, BENCH_PASSWORD)))));
  return out;
}

/** Resident set size of a process, in MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : Number.NaN;
}

/** The 1-minute load average, rounded (the house rule: published with every figure). */
export const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

/** Waits until the server has worked through what a finished run left queued (autocannon drops its
 * connections at the end; the server still answers their requests): /api/health back under 100 ms. */
export async function drain(url: string): Promise<void> {
  for (let t = 0, ms = Infinity; ms > 100 && t < 60; t++) {
    const s = performance.now();
    await fetch(`${url}/api/health`);
    ms = performance.now() - s;
    await new Promise((r) => setTimeout(r, 500));
  }
}
