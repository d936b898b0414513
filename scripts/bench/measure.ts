// Timing: warm-up, then samples of a scenario and of its floor taken alternately (so a busy machine
// slows both alike), summarised as p50 / p95 / max in milliseconds. Plus the machine description.
import fs from "node:fs";
import os from "node:os";

export interface Stats {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return { p50: r(quantile(s, 0.5)), p95: r(quantile(s, 0.95)), max: r(s[s.length - 1]), samples: s.length };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function measurePair(
  app: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  opts: { warmup: number; samples: number; reset?: () => Promise<unknown> },
): Promise<{ app: Stats; floor: Stats }> {
  const reset = opts.reset ?? (async () => undefined);
  for (let i = 0; i < opts.warmup; i++) {
    await app();
    await reset();
    await floor();
  }
  const a: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < opts.samples; i++) {
    a.push(await time(app));
    await reset(); // untimed
    f.push(await time(floor));
  }
  return { app: stats(a), floor: stats(f) };
}

export function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"));
    if (m) cpu = m[1].trim();
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** The process's memory now (MiB), to report a scenario's RSS and heap before and after. */
export function memorySnapshot() {
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), peakRssMiB: mib(process.resourceUsage().maxRSS * 1024) };
}
