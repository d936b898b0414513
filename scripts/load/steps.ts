// `npm run load:steps [-- --entries 100000] [--samples 40] [--only dashboard] [--cpu-prof DIR]`: each
// request of the load mix alone, one at a time, against the production build on a seeded bench
// database (PostgreSQL from DATABASE_URL, else PGlite). Prints the wall time (p50) and the server's
// CPU time per request (utime + stime from /proc, all its threads): what bounds throughput under
// load. --cpu-prof writes a V8 CPU profile of the server to DIR and the measured windows beside it
// (steps.json: step → [start, end] in the profile's microseconds), to read with Chrome DevTools.
// Exits 1 when a request does not answer 2xx (CI runs it small to keep it working).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { benchLogin, prepareDb, signInAll, startBenchServer } from "../lib/bench-server";

const log = (m: string) => process.stderr.write(`${m}\n`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** Process CPU time in ms (Linux clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
/** V8 profile timestamps are CLOCK_MONOTONIC microseconds, as is process.hrtime in another process. */
const monoMicros = () => Number(process.hrtime.bigint() / 1000n);

async function main() {
  const { values } = parseArgs({
    options: {
      entries: { type: "string", default: "100000" },
      samples: { type: "string", default: "40" },
      only: { type: "string" },
      "cpu-prof": { type: "string" },
      port: { type: "string", default: "3470" },
    },
  });
  const n = Number(values.samples);
  const profDir = values["cpu-prof"] ? path.resolve(values["cpu-prof"]) : undefined;
  const db = await prepareDb({ entries: Number(values.entries), users: 3, log });
  const pre = db.open();
  const [project] = await pre.raw.query<{ id: string }>(
    "SELECT id FROM projects WHERE NOT archived ORDER BY name LIMIT 1",
  );
  await pre.close();
  const nodeArgs = profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`, "--cpu-prof-interval=200"] : [];
  const server = await startBenchServer(db, Number(values.port), {}, 250, nodeArgs);
  const pid = server.process.pid!;
  const windows: Record<string, [number, number]> = {};
  const failed: string[] = [];
  try {
    const [cookie] = await signInAll(server.url, [benchLogin(1)]);
    const headers = { cookie, "content-type": "application/json", origin: server.url };
    const call = (p: string, init: RequestInit = {}) => fetch(`${server.url}${p}`, { headers, ...init });
    const stop = () => call("/api/v1/timer", { method: "DELETE" });
    let entryId = "";
    const steps: [string, () => Promise<Response>][] = [
      ["health (floor)", () => fetch(`${server.url}/api/health`)],
      [
        "timer.start",
        () => call("/api/v1/timer", { method: "POST", body: JSON.stringify({ projectId: project.id, notes: "x" }) }),
      ],
      ["timer.get", () => call("/api/v1/timer")],
      ["timer.stop", stop],
      ["week", () => call("/api/v1/week")],
      [
        "entry.create",
        async () => {
          const body = { projectId: project.id, date: day(-1), startTime: "08:00", duration: "1h", notes: "x" };
          const res = await call("/api/v1/entries", { method: "POST", body: JSON.stringify(body) });
          entryId = ((await res.clone().json()) as { id: string }).id;
          return res;
        },
      ],
      [
        "entry.edit",
        () =>
          call(`/api/v1/entries/${entryId}`, {
            method: "PATCH",
            body: JSON.stringify({ duration: "45m", notes: "y" }),
          }),
      ],
      ["report.summary", () => call(`/api/v1/reports/summary?from=${day(-30)}&to=${day(0)}&group1=project`)],
      ["dashboard", () => call("/")],
      ["timer page", () => call("/timer")],
      ["entries page", () => call("/entries")],
    ];
    for (const [name, fn] of steps.filter(([s]) => !values.only || s.startsWith(values.only))) {
      const once = async () => {
        const res = await fn();
        await res.arrayBuffer();
        // A started timer is stopped again so the next start is not a 409 (the stop is counted too).
        if (name === "timer.start") await (await stop()).arrayBuffer();
        return res.status;
      };
      for (let i = 0; i < 5; i++) await once();
      const times: number[] = [];
      let status = 0;
      const cpu0 = cpuMs(pid);
      const t0 = monoMicros();
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        status = await once();
        times.push(performance.now() - started);
      }
      windows[name] = [t0, monoMicros()];
      if (status < 200 || status >= 300) failed.push(`${name}: HTTP ${status}`);
      const cpu = (cpuMs(pid) - cpu0) / n;
      times.sort((a, b) => a - b);
      const note = name === "timer.start" ? " (with the stop after it)" : "";
      log(
        `${name.padEnd(16)} HTTP ${status}  p50 ${times[n >> 1].toFixed(1).padStart(6)} ms  server CPU ${cpu.toFixed(1).padStart(6)} ms/request${note}`,
      );
    }
  } finally {
    await server.stop();
    await db.drop();
  }
  if (failed.length) {
    log(`load:steps: not every request succeeded: ${failed.join(", ")}`);
    process.exitCode = 1;
  }
  if (profDir) {
    fs.writeFileSync(path.join(profDir, "steps.json"), `${JSON.stringify(windows, null, 2)}\n`);
    log(`CPU profile and steps.json in ${profDir}`);
  }
}

main().catch((err) => {
  log(`load:steps failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
