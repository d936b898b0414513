// `npm run check:logs -- <app.jsonl>`: runs docker/alloy/config.alloy's pipeline (JSON fields,
// timestamp, labels) over real log lines written by the app, and checks that the Logs dashboard's
// LogQL only uses labels Alloy sets and JSON fields the app writes. CI feeds it the smoke server's log.
import fs from "node:fs";
import path from "node:path";
import { applyPipeline, readAlloyPipeline } from "./lib/deploy/alloy";
import { loadDashboards, panelQueries, provisionedDatasources } from "./lib/deploy/dashboards";
import { jsonFieldFilters, streamLabels } from "./lib/deploy/logql";

const LOGGER_SOURCE = "lib/observability/logger.ts";

/** Keys the logger's mixin() adds to request-scoped lines, read from its source. */
function loggerMixinFields(): string[] {
  const src = fs.readFileSync(path.resolve(__dirname, "..", LOGGER_SOURCE), "utf8");
  const body = /mixin\(\)\s*\{([\s\S]*?)\n\s*\}/.exec(src)?.[1] ?? "";
  return [...body.matchAll(/\b([a-z_]+):/g)].map((m) => m[1]);
}

function main(): void {
  const file = process.argv[2];
  if (!file) {
    console.error("Usage: npm run check:logs -- <path/to/app.jsonl>");
    process.exit(2);
  }
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  if (!lines.length) throw new Error(`${file} is empty`);
  const p = readAlloyPipeline();
  if (!p.path.endsWith("/app.jsonl")) throw new Error(`Alloy tails ${p.path}, but the app writes app.jsonl`);
  const problems: string[] = [];
  const labelNames = new Set<string>();
  const fields = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const res = applyPipeline(p, line);
    for (const pr of res.problems) problems.push(`line ${i + 1}: ${pr}`);
    Object.keys(res.labels).forEach((l) => labelNames.add(l));
    Object.keys(JSON.parse(line) as object).forEach((f) => fields.add(f));
    if (res.time && Math.abs(res.time.getTime() - Date.now()) > 7 * 24 * 3600_000)
      problems.push(`line ${i + 1}: time is more than a week off (Loki would reject it)`);
  }
  const extra = [...labelNames].filter((l) => !["app", "level"].includes(l));
  if (extra.length) problems.push(`Alloy would set labels beyond app and level: ${extra.join(", ")}`);
  const ds = provisionedDatasources();
  const notes: string[] = [];
  const mixinFields = loggerMixinFields();
  for (const d of loadDashboards()) {
    for (const q of panelQueries(d)) {
      if (ds.get(q.datasource?.uid ?? "") !== "loki") continue;
      for (const l of streamLabels(q.expr))
        if (!labelNames.has(l)) problems.push(`${d.file} › "${q.panel}": label ${l} is never set by Alloy`);
      for (const f of jsonFieldFilters(q.expr)) {
        if (fields.has(f)) continue;
        // Request-scoped fields appear only on lines written inside a request; the logger's mixin is
        // their source, so a field it writes counts even when this sample has no such line.
        if (mixinFields.includes(f))
          notes.push(`field ${f}: not in this sample, written by the logger's mixin (${LOGGER_SOURCE})`);
        else problems.push(`${d.file} › "${q.panel}": field ${f} is not in any log line`);
      }
    }
  }
  if (problems.length) throw new Error(`\n  ${[...new Set(problems)].slice(0, 30).join("\n  ")}`);
  for (const n of new Set(notes)) console.log(`check:logs: note: ${n}`);
  console.log(
    `check:logs: ${lines.length} lines parse with Alloy's pipeline (labels: ${[...labelNames].join(", ")}); Logs dashboard queries match`,
  );
}

try {
  main();
} catch (err) {
  console.error(`check:logs: FAILED: ${(err as Error).message}`);
  process.exit(1);
}
