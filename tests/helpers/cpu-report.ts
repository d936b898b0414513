// Opt-in per-file cost report (TT_TEST_CPU_REPORT=/path/file.tsv npm test): appends one line per
// test file with the worker's CPU time (user + system, all threads) and wall time spent on it.
// CPU time stays meaningful on a busy shared machine, where wall times are noise.
import fs from "node:fs";
import path from "node:path";

const out = process.env.TT_TEST_CPU_REPORT;
if (out) {
  // Taken when this setup file loads, before the test file itself is required (its imports count).
  const cpu = process.cpuUsage();
  const wall = performance.now();
  afterAll(() => {
    const d = process.cpuUsage(cpu);
    const file = path.relative(process.cwd(), expect.getState().testPath ?? "?");
    const ms = (us: number) => Math.round(us / 1000);
    fs.appendFileSync(out, `${file}\t${ms(d.user + d.system)}\t${Math.round(performance.now() - wall)}\n`);
  });
}
