// The CSV export of every entry through the production server: `npm run bench -- --http-export` runs it on
// the bench database after the service scenarios, or alone on a kept one:
//   tsx --conditions=react-server scripts/bench/http-export.ts --database-url URL | --data-dir DIR [--port 3300]
//     [--out FILE] [--server-node-options "--max-old-space-size=192"] [--cpu-prof DIR]
// Creates an admin, starts .next/standalone (npm run build first), signs in, downloads
// /reports/export, counts rows and bytes, and samples the server's RSS every 100 ms (VmRSS; VmHWM at
// the end). Floor: `COPY (the export's SELECT) TO STDOUT` through pg (PGlite: TO '/dev/blob', run
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
  /** The request's Accept-Encoding (default: what browsers send, so the server compresses). */
  acceptEncoding?: string;
}

const load1 = () => Math.round(os.loadavg()[0] * 100) / 100;

function procStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN; // MiB
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
async function floor(
  o: HttpExportOptions,
): Promise<{ ms: number; bytes: number; lines?: { ms: number; bytes: number } }> {
  const conn = o.databaseUrl
    ? connect({ kind: "postgres", url: o.databaseUrl, poolMax: 2 })
    : connect({ kind: "pglite", dataDir: o.dataDir });
  const admin = { id: "", role: "admin" as const };
  const all = ZEntryFilters.parse({});
  try {
    const run = copyFloor(conn.raw, conn.pool, fullExportSelect(admin, all, "UTC"));
    const t = performance.now();
    const bytes = await run();
    const out = { ms: Math.round(performance.now() - t), bytes };
    const [{ n }] = await conn.raw.query<{ n: number }>("SELECT count(*)::int AS n FROM rates");
    if (!conn.copyText || n > 0) return out; // dated rates: the statement would need them loaded
    const t2 = performance.now();
    let linesBytes = 0;
    for await (const chunk of conn.copyText(exportLinesSql(admin, all, "UTC", ",", true, null), { timeZone: "UTC" }))
      linesBytes += chunk.length;
    return { ...out, lines: { ms: Math.round(performance.now() - t2), bytes: linesBytes } };
  } finally {
    await conn.close();
  }
}

export async function runHttpExport(o: HttpExportOptions) {
  const username = `httpexport${randomBytes(3).toString("hex")}`;
  const password = randomBytes(12).toString("base64url");
  createAdmin(o, username, password);
  // PGlite: before the server holds the folder. PostgreSQL: before and after the download, and the
  // mean of the two is the floor (this VM's speed drifts within minutes: see "Machine").
  const floorFirst = await floor(o);
  const server = await startServer(
    o.port,
    {
      // With DATABASE_URL the server wants its secret from the environment (no data folder to keep one in).
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl, NEXTAUTH_SECRET: randomBytes(32).toString("base64") } : {}),
      ...(o.dataDir ? { DATA_DIR: o.dataDir } : {}),
      LOG_LEVEL: "warn",
      ...(o.serverNodeOptions ? { NODE_OPTIONS: o.serverNodeOptions } : {}),
    },
    250,
    o.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${o.cpuProfDir}`] : [],
  );
  const pid = server.process.pid!;
  try {
    const cookie = await signIn(server.url, username, password);
    const rssBefore = procStatus(pid, "VmRSS");
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
      const acceptEncoding = o.acceptEncoding ?? "gzip, deflate, br, zstd";
      const res = await fetch(`${server.url}/reports/export`, {
        headers: { cookie, "accept-encoding": acceptEncoding },
      });
      contentEncoding = res.headers.get("content-encoding") ?? "identity";
      if (!res.ok || !res.body) throw new Error(`GET /reports/export: HTTP ${res.status}`);
      // fetch leaves the body compressed when the request named Accept-Encoding itself: count the
      // bytes on the wire, and the lines after gunzip (in this process, like a browser would).
      const wire = Readable.fromWeb(res.body as unknown as NodeWebStream<Uint8Array>);
      const gzip = contentEncoding === "gzip";
      const body = gzip ? wire.pipe(createGunzip()) : wire;
      if (gzip) wire.on("data", (c: Buffer) => (wireBytes += c.length));
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (!bytes) firstByteMs = Math.round(performance.now() - t);
        bytes += chunk.length;
        if (!gzip) wireBytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      }
    } finally {
      clearInterval(timer);
    }
    const ms = Math.round(performance.now() - t);
    const hwm = procStatus(pid, "VmHWM");
    const after = o.dataDir ? null : await floor(o);
    const mean = (a: number, b: number | undefined) => (b === undefined ? a : Math.round((a + b) / 2));
    const fl = {
      ms: mean(floorFirst.ms, after?.ms),
      bytes: floorFirst.bytes,
      lines: floorFirst.lines && { ms: mean(floorFirst.lines.ms, after?.lines?.ms), bytes: floorFirst.lines.bytes },
      runs: { before: floorFirst, after },
    };
    const rows = lines - 1;
    const result = {
      scenario: "http_export_csv_all",
      description: "GET /reports/export as an admin, no filters (every entry), production build",
      serverNodeOptions: o.serverNodeOptions ?? null,
      acceptEncoding: o.acceptEncoding ?? "gzip, deflate, br, zstd",
      contentEncoding,
      wireBytes,
      rows,
      bytes,
      ms,
      firstByteMs,
      rowsPerSecond: Math.round((rows / ms) * 1000),
      rssMiB: { beforeDownload: rssBefore, peakSampled100ms: peak, vmHwm: hwm, extraDuringExport: peak - rssBefore },
      floor: { kind: o.databaseUrl ? "COPY … TO STDOUT (pg-copy-streams)" : "COPY … TO '/dev/blob' (PGlite)", ...fl },
      floorRowsPerSecond: Math.round((rows / fl.ms) * 1000),
      ratio: Math.round((ms / fl.ms) * 100) / 100,
      // rows/s of the export over HTTP divided by the floor's (the target: at least 0.8)
      throughputVsFloor: Math.round((fl.ms / ms) * 100) / 100,
      throughputVsLinesFloor: fl.lines ? Math.round((fl.lines.ms / ms) * 100) / 100 : null,
      loadAverage1m: { atStart: loadAtStart, atEnd: load1() },
    };
    o.log(
      `http_export_csv_all: ${rows.toLocaleString("en")} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB in ${ms} ms = ${result.rowsPerSecond.toLocaleString("en")} rows/s; ` +
        `server RSS peak ${peak} MiB (VmHWM ${hwm}, +${peak - rssBefore} during it); floor ${fl.ms} ms = ${result.floorRowsPerSecond.toLocaleString("en")} rows/s ` +
        `(${result.throughputVsFloor}× its rows/s)${fl.lines ? `; COPY of the lines statement ${fl.lines.ms} ms (${result.throughputVsLinesFloor}×)` : ""}; load ${loadAtStart}`,
    );
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
