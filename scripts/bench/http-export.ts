// The CSV export of every entry through the production server: `npm run bench -- --http-export` runs it on
// the bench database after the service scenarios, or alone on a kept one:
//   tsx --conditions=react-server scripts/bench/http-export.ts --database-url URL | --data-dir DIR [--port 3300]
//     [--out FILE] [--server-node-options "--max-old-space-size=192"] [--cpu-prof DIR] [--rounds 3]
// Creates an admin, starts .next/standalone (npm run build first), signs in, downloads
// /reports/export, counts rows and bytes, and samples the server's RSS every 100 ms (VmRSS; VmHWM at
// the end); --rounds N downloads N times, each between two floors, and reports the median round. Floor: `COPY (the export's SELECT) TO STDOUT` through pg (PGlite: TO '/dev/blob', run
// before the server starts, since only one process may open the folder), in the same run.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { parseArgs } from "node:util";
import { createGunzip } from "node:zlib";
import { startServer } from "../../e2e/server";
import { connect } from "@/lib/db/connection";
import { exportLinesSql } from "@/lib/services/export";
import { ZEntryFilters } from "@/lib/validation/reports";
import { signIn } from "../lib/http-session";
import { copyFloor, fullExportSelect } from "./copy-floor";

export interface HttpExportOptions {
  databaseUrl?: string;
  dataDir?: string;
  port: number;
  log: (m: string) => void;
  /** NODE_OPTIONS for the server (e.g. a heap limit), recorded in the result. */
  serverNodeOptions?: string;
  /** Write a V8 CPU profile of the server into this folder. */
  cpuProfDir?: string;
  /** The request's Accept-Encoding (default: what browsers send). */
  acceptEncoding?: string;
  /** Downloads, each between two floors (PostgreSQL); the median round is reported. Default 1. */
  rounds?: number;
  /** More environment for the server (e.g. MALLOC_ARENA_MAX), recorded in the result. */
  serverEnv?: Record<string, string>;
}

const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN; // MiB
}

/** CPU time (user + system) of a process on this machine, in ms; null when there is no such process
 * here (a database on another host). Linux: /proc/<pid>/stat fields 14 and 15, in 1/100 s. */
function cpuMs(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}
const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);

/** The backend that runs the server's export COPY (PostgreSQL), found while the download runs. */
async function exportBackend(url: string): Promise<number | null> {
  const conn = connect({ kind: "postgres", url, poolMax: 1 });
  try {
    const rows = await conn.raw.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND state = 'active' AND query LIKE 'COPY (%'`,
    );
    return rows.length === 1 ? rows[0].pid : null;
  } finally {
    await conn.close();
  }
}

function createAdmin(o: HttpExportOptions, username: string, password: string): void {
  const env = { ...process.env, LOG_LEVEL: "warn", DATABASE_URL: o.databaseUrl ?? "", DATA_DIR: o.dataDir ?? "" };
  const args = ["tsx", "--conditions=react-server", "scripts/user-create.ts", "--username", username];
  args.push("--email", `${username}@example.test`, "--password", password, "--admin");
  const res = spawnSync("npx", args, { env, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`user:create failed: ${res.stderr}${res.stdout}`);
}

/** COPY of the full export SELECT (admin, no filters), timed, on the same database; on PostgreSQL also
 * the COPY of the statement the export now sends (every line formatted in SQL, exportLinesSql), read
 * through the same lib/db/copy-text.ts path but not sent anywhere. */
interface FloorRun {
  ms: number;
  bytes: number;
  /** CPU of the database backend that ran it, and of this (the reading) process, in ms. */
  cpu: { backendMs: number | null; readerMs: number };
}

async function floor(o: HttpExportOptions): Promise<FloorRun & { lines?: FloorRun }> {
  // One pool client: every statement below runs on the one backend whose CPU is read.
  const conn = o.databaseUrl
    ? connect({ kind: "postgres", url: o.databaseUrl, poolMax: 1 })
    : connect({ kind: "pglite", dataDir: o.dataDir });
  const admin = { id: "", role: "admin" as const };
  const all = ZEntryFilters.parse({});
  const timed = async (run: () => Promise<number>): Promise<FloorRun> => {
    const [{ pid }] = conn.pool
      ? await conn.raw.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")
      : [{ pid: 0 }];
    const [b0, r0, t] = [cpuMs(pid), process.cpuUsage(), performance.now()];
    const bytes = await run();
    const ms = Math.round(performance.now() - t);
    const r = process.cpuUsage(r0);
    return { ms, bytes, cpu: { backendMs: diff(b0, cpuMs(pid)), readerMs: Math.round((r.user + r.system) / 1000) } };
  };
  try {
    const out = await timed(copyFloor(conn.raw, conn.pool, fullExportSelect(admin, all, "UTC")));
    const [{ n }] = await conn.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM rates");
    const copyText = conn.copyText;
    if (!copyText || n > 0) return out; // dated rates: the statement would need them loaded
    const lines = await timed(async () => {
      let bytes = 0;
      for await (const chunk of copyText(exportLinesSql(admin, all, "UTC", ",", true, null), { timeZone: "UTC" }))
        bytes += chunk.length;
      return bytes;
    });
    return { ...out, lines };
  } finally {
    await conn.close();
  }
}

interface Download {
  ms: number;
  firstByteMs: number;
  contentEncoding: string;
  wireBytes: number;
  bytes: number;
  rows: number;
  rssBefore: number;
  rssPeak: number;
  loadAtStart: number;
  /** CPU in ms during the download: the database backend of the export, the server, this client. */
  cpu: { backendMs: number | null; serverMs: number | null; clientMs: number };
}

/** One GET /reports/export read to its end, with the server's RSS sampled every 100 ms. */
async function download(
  url: string,
  cookie: string,
  pid: number,
  acceptEncoding: string,
  databaseUrl?: string,
): Promise<Download> {
  const rssBefore = procStatus(pid, "VmRSS");
  const [server0, client0] = [cpuMs(pid), process.cpuUsage()];
  let backend: Promise<{ pid: number | null; at: number | null }> | null = null;
  let peak = rssBefore;
  const timer = setInterval(() => {
    const v = procStatus(pid, "VmRSS");
    if (v > peak) peak = v;
  }, 100);
  const loadAtStart = load1();
  const t = performance.now();
  let firstByteMs = 0;
  let contentEncoding = "";
  let wireBytes = 0;
  let bytes = 0;
  let lines = 0;
  try {
    const res = await fetch(`${url}/reports/export`, { headers: { cookie, "accept-encoding": acceptEncoding } });
    contentEncoding = res.headers.get("content-encoding") ?? "identity";
    if (!res.ok || !res.body) throw new Error(`GET /reports/export: HTTP ${res.status}`);
    // fetch leaves the body compressed when the request named Accept-Encoding itself: count the
    // bytes on the wire, and the lines after gunzip (in this process, like a browser would).
    const wire = Readable.fromWeb(res.body as unknown as NodeWebStream<Uint8Array>);
    const gzip = contentEncoding === "gzip";
    const body = gzip ? wire.pipe(createGunzip()) : wire;
    if (gzip) wire.on("data", (c: Buffer) => (wireBytes += c.length));
    for await (const chunk of body as AsyncIterable<Buffer>) {
      if (!bytes) {
        firstByteMs = Math.round(performance.now() - t);
        // The backend's CPU is read from the first byte on (what it spent planning is left out).
        if (databaseUrl) backend = exportBackend(databaseUrl).then((b) => ({ pid: b, at: cpuMs(b) }));
      }
      bytes += chunk.length;
      if (!gzip) wireBytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    }
  } finally {
    clearInterval(timer);
  }
  const ms = Math.round(performance.now() - t);
  const client = process.cpuUsage(client0);
  const b = backend ? await (backend as Promise<{ pid: number | null; at: number | null }>) : null;
  const cpu = {
    backendMs: b ? diff(b.at, cpuMs(b.pid)) : null,
    serverMs: diff(server0, cpuMs(pid)),
    clientMs: Math.round((client.user + client.system) / 1000),
  };
  return {
    ms,
    firstByteMs,
    contentEncoding,
    wireBytes,
    bytes,
    rows: lines - 1,
    rssBefore,
    rssPeak: peak,
    loadAtStart,
    cpu,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const r2 = (n: number) => Math.round(n * 100) / 100;

export async function runHttpExport(o: HttpExportOptions) {
  const username = `httpexport${randomBytes(3).toString("hex")}`;
  const password = randomBytes(12).toString("base64url");
  createAdmin(o, username, password);
  const rounds = Math.max(1, o.rounds ?? 1);
  // PGlite: before the server holds the folder. PostgreSQL: a floor before and after each download,
  // and a download's floor is the mean of the two beside it (this VM's speed drifts within minutes:
  // see "Machine"); with several rounds the median round is reported.
  const floors = [await floor(o)];
  const server = await startServer(
    o.port,
    {
      // With DATABASE_URL the server wants its secret from the environment (no data folder to keep one in).
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64") } : {}),
      ...(o.dataDir ? { DATA_DIR: o.dataDir } : {}),
      LOG_LEVEL: "warn",
      ...(o.serverNodeOptions ? { NODE_OPTIONS: o.serverNodeOptions } : {}),
      ...o.serverEnv,
    },
    250,
    o.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${o.cpuProfDir}`] : [],
  );
  const pid = server.process.pid!;
  const acceptEncoding = o.acceptEncoding ?? "gzip, deflate, br, zstd";
  try {
    const cookie = await signIn(server.url, username, password);
    const downloads: Download[] = [];
    for (let r = 0; r < rounds; r++) {
      downloads.push(await download(server.url, cookie, pid, acceptEncoding, o.databaseUrl));
      if (o.databaseUrl) floors.push(await floor(o));
    }
    const hwm = procStatus(pid, "VmHWM");
    const mean = (a: number, b: number | undefined) => (b === undefined ? a : Math.round((a + b) / 2));
    const perRound = downloads.map((d, r) => {
      const [before, after] = [floors[r], floors[r + 1] as (typeof floors)[number] | undefined];
      const fl = { ms: mean(before.ms, after?.ms), linesMs: before.lines && mean(before.lines.ms, after?.lines?.ms) };
      return {
        ...d,
        rowsPerSecond: Math.round((d.rows / d.ms) * 1000),
        floorMs: fl.ms,
        linesFloorMs: fl.linesMs ?? null,
        // rows/s of the export over HTTP divided by the floor's (the target: at least 0.8)
        throughputVsFloor: r2(fl.ms / d.ms),
        throughputVsLinesFloor: fl.linesMs ? r2(fl.linesMs / d.ms) : null,
      };
    });
    const mid = perRound.find((x) => x.throughputVsFloor === median(perRound.map((y) => y.throughputVsFloor)))!;
    const { rows, bytes, ms, firstByteMs, contentEncoding, wireBytes, rssBefore } = mid;
    const peak = Math.max(...downloads.map((d) => d.rssPeak));
    const fl = { ms: mid.floorMs, bytes: floors[0].bytes, lines: mid.linesFloorMs, runs: floors };
    // Where the CPU goes, per download and per floor (medians): load-independent where the wall time is not.
    const med = (xs: (number | null | undefined)[]) => {
      const v = xs.filter((x): x is number => typeof x === "number");
      return v.length ? median(v) : null;
    };
    const cpu = {
      download: {
        backendMs: med(downloads.map((d) => d.cpu.backendMs)),
        serverMs: med(downloads.map((d) => d.cpu.serverMs)),
        clientMs: med(downloads.map((d) => d.cpu.clientMs)),
      },
      floor: { backendMs: med(floors.map((f) => f.cpu.backendMs)), readerMs: med(floors.map((f) => f.cpu.readerMs)) },
      linesFloor: {
        backendMs: med(floors.map((f) => f.lines?.cpu.backendMs)),
        readerMs: med(floors.map((f) => f.lines?.cpu.readerMs)),
      },
    };
    const result = {
      scenario: "http_export_csv_all",
      description: "GET /reports/export as an admin, no filters (every entry), production build",
      serverNodeOptions: o.serverNodeOptions ?? null,
      serverEnv: o.serverEnv ?? null,
      acceptEncoding,
      contentEncoding,
      wireBytes,
      rows,
      bytes,
      ms,
      firstByteMs,
      rowsPerSecond: mid.rowsPerSecond,
      rssMiB: { beforeDownload: rssBefore, peakSampled100ms: peak, vmHwm: hwm, extraDuringExport: peak - rssBefore },
      floor: { kind: o.databaseUrl ? "COPY … TO STDOUT (pg-copy-streams)" : "COPY … TO '/dev/blob' (PGlite)", ...fl },
      floorRowsPerSecond: Math.round((rows / fl.ms) * 1000),
      ratio: r2(ms / fl.ms),
      throughputVsFloor: mid.throughputVsFloor,
      throughputVsLinesFloor: mid.throughputVsLinesFloor,
      rounds: perRound,
      cpu,
      loadAverage1m: { atStart: downloads[0].loadAtStart, atEnd: load1() },
    };
    o.log(
      `http_export_csv_all (median of ${rounds}): ${rows.toLocaleString("en")} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB (${contentEncoding}) in ${ms} ms = ${result.rowsPerSecond.toLocaleString("en")} rows/s; ` +
        `server RSS peak ${peak} MiB (VmHWM ${hwm}, +${peak - rssBefore} during it); floor ${fl.ms} ms = ${result.floorRowsPerSecond.toLocaleString("en")} rows/s ` +
        `(${result.throughputVsFloor}× its rows/s)${mid.linesFloorMs ? `; COPY of the lines statement ${mid.linesFloorMs} ms (${result.throughputVsLinesFloor}×)` : ""}; ` +
        `per round ${perRound.map((x) => `${x.throughputVsFloor}/${x.throughputVsLinesFloor ?? "-"}`).join(", ")}; load ${result.loadAverage1m.atStart}`,
    );
    o.log(`CPU ms (medians): ${JSON.stringify(cpu)}`);
    return result;
  } finally {
    await server.stop();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "data-dir": { type: "string" },
      port: { type: "string", default: "3300" },
      out: { type: "string" },
      "server-node-options": { type: "string" },
      "cpu-prof": { type: "string" },
      "accept-encoding": { type: "string" },
      rounds: { type: "string", default: "1" },
    },
  });
  if (!values["database-url"] === !values["data-dir"]) throw new Error("give --database-url or --data-dir");
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const result = await runHttpExport({
    databaseUrl: values["database-url"],
    dataDir: values["data-dir"] && path.resolve(values["data-dir"]),
    port: Number(values.port),
    log,
    serverNodeOptions: values["server-node-options"],
    cpuProfDir: values["cpu-prof"] && path.resolve(values["cpu-prof"]),
    acceptEncoding: values["accept-encoding"],
    rounds: Number(values.rounds),
  });
  const text = `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`;
  if (values.out) fs.writeFileSync(values.out, text);
  else process.stdout.write(text);
}

// Run as a script (not when run.ts imports it).
if (/http-export\.ts$/.test(process.argv[1] ?? "")) {
  main().catch((err) => {
    process.stderr.write(`http-export failed: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  });
}
