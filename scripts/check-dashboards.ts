// `npm run check:dashboards -- <metrics.txt | URL> [--token T]`: every metric named in a PromQL
// expression of docker/grafana/dashboards/*.json must exist in the app's real /metrics output, and
// every panel's datasource uid must be provisioned. CI feeds it the smoke server's /metrics.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { findDashboardProblems } from "./lib/deploy/dashboard-checks";
import { parseExposition } from "./lib/deploy/promql";

async function readSource(src: string, token: string | undefined): Promise<string> {
  if (!/^https?:\/\//.test(src)) return fs.readFileSync(src, "utf8");
  const res = await fetch(src, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`${src} answered ${res.status}`);
  return res.text();
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { token: { type: "string" } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error("Usage: npm run check:dashboards -- <metrics.txt | http://host:3000/metrics> [--token T]");
    process.exit(2);
  }
  const expo = parseExposition(await readSource(positionals[0], values.token ?? process.env.METRICS_TOKEN));
  if (expo.families.size === 0) throw new Error(`${positionals[0]} holds no metric families`);
  const { problems, checked } = findDashboardProblems(expo);
  if (problems.length) throw new Error(`\n  ${problems.join("\n  ")}`);
  console.log(
    `check:dashboards: ${checked.queries} queries, ${checked.metrics} distinct metrics, all exposed by the app (${expo.families.size} families)`,
  );
}

main().catch((err: unknown) => {
  console.error(`check:dashboards: FAILED: ${(err as Error).message}`);
  process.exit(1);
});
