// `npm run bench [-- --quick | --entries N] [--samples N] [--keep] [--explain] [--out DIR]
//   [--only REGEX] [--reuse tt_bench_NAME|PGLITE_DIR] [--name SUFFIX] [--http-export [--http-export-port 3300]]`
// Seeds a dedicated database (a fresh tt_bench_<ts> on the server of DATABASE_URL, else a temporary
// PGlite folder), migrates it, runs each scenario beside its floor and writes bench/results/<date>-<db>.json.
// See docs/performance.md.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { setDbConnection } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import type { RawSql } from "@/lib/db/raw";
import { installCapture, openBenchDb, type Captured } from "./db";
import { runHttpExport } from "./http-export";
import { invoiceScenarios, invoiceSizeOf } from "./invoice-scenarios";
import { machine, measurePair, memorySnapshot } from "./measure";
import { buildScenarios, floorOf, loadCtx, sizeOf, TZ } from "./scenarios";
import { datasetFor, seed } from "./seed";

const log = (m: string) => process.stderr.write(`${m}\n`);

const ROLLBACK = new Error("bench: roll back the explained statements");

/**
 * --explain: the plan of every statement a scenario sends, with actual times. EXPLAIN ANALYZE runs
 * the statement, so they run in one transaction that is rolled back: a scenario that writes (the
 * invoice draft) leaves nothing behind that its samples would then find already done.
 */
async function explain(raw: RawSql, name: string, statements: Captured[]): Promise<void> {
  await raw
    .withSession((s) =>
      s.transaction(async (tx) => {
        for (const st of statements) {
          const plan = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.sql}`, st.params);
          log(`--- ${name}\n${st.sql.trim()}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
        }
        throw ROLLBACK;
      }),
    )
    .catch((err: unknown) => {
      if (err !== ROLLBACK) throw err;
    });
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      entries: { type: "string" },
      samples: { type: "string", default: "20" },
      warmup: { type: "string", default: "3" },
      keep: { type: "boolean", default: false },
      explain: { type: "boolean", default: false },
      out: { type: "string", default: "bench/results" },
      only: { type: "string" },
      reuse: { type: "string" },
      name: { type: "string" },
      "http-export": { type: "boolean", default: false },
      "http-export-port": { type: "string", default: "3300" },
    },
  });
  const entries = values.entries ? Number(values.entries) : values.quick ? 10_000 : 1_000_000;
  const samples = Math.max(20, Number(values.samples));
  const warmup = Math.max(1, Number(values.warmup));
  if (!Number.isInteger(entries) || entries < 1000) throw new Error("--entries must be an integer ≥ 1000");

  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const dataset = datasetFor(entries, yesterday);
  installCapture();
  const bdb = await openBenchDb(process.env.DATABASE_URL || undefined, values.keep, values.reuse);
  log(`bench: ${bdb.kind} at ${bdb.where}; ${entries.toLocaleString("en")} entries`);
  try {
    setDbConnection(bdb.conn);
    const raw = bdb.conn.raw;
    await migrate(raw, path.resolve("prisma/migrations"));
    const seedStart = performance.now();
    if (values.reuse) {
      // A database kept by an earlier run with the same --entries (`--keep`): measured as it is.
      const [{ n }] = await raw.query<{ n: number }>("SELECT count(*)::float8 AS n FROM time_entries");
      log(`reusing the seeded database (${n.toLocaleString("en")} entries)`);
    } else {
      log("seeding …");
      await seed(raw, dataset, log);
    }
    const seedSeconds = values.reuse ? null : Math.round((performance.now() - seedStart) / 100) / 10;
    const [{ version }] = await raw.query<{ version: string }>("SELECT version()");
    const [{ bytes }] = await raw.query<{ bytes: string }>(
      "SELECT pg_database_size(current_database())::text AS bytes",
    );

    const ctx = await loadCtx(raw, dataset.endDay);
    const only = values.only ? new RegExp(values.only) : null;
    const wanted = (name: string) => !only || only.test(name);
    const scenarios = [
      ...(await buildScenarios(ctx)),
      // They write (an issued invoice, drafts): set up only when asked for.
      ...(wanted("invoice_from_year_of_time") || wanted("invoice_pdf_500_lines")
        ? await invoiceScenarios(raw, ctx.admin, ctx.endDay)
        : []),
    ].filter((s) => wanted(s.name));
    const results = [];
    for (const s of scenarios) {
      const floor = await floorOf(raw, s, bdb.conn.pool);
      if (values.explain) await explain(raw, s.name, floor.statements);
      const first = await s.run();
      await s.reset?.();
      const size = sizeOf(first) ?? invoiceSizeOf(first);
      global.gc?.();
      const before = s.memory ? memorySnapshot() : null;
      const m = await measurePair(s.run, floor.run, {
        warmup: Math.min(warmup, s.warmup ?? warmup),
        samples: Math.min(samples, s.samples ?? samples),
        reset: s.reset,
      });
      const after = before ? memorySnapshot() : null;
      const ratio = Math.round((m.app.p50 / Math.max(m.floor.p50, 0.01)) * 100) / 100;
      log(
        `${s.name.padEnd(38)} p50 ${m.app.p50.toFixed(1).padStart(8)} ms  p95 ${m.app.p95.toFixed(1).padStart(8)}  max ${m.app.max
          .toFixed(1)
          .padStart(8)}  | floor p50 ${m.floor.p50.toFixed(1).padStart(8)} ms  ×${ratio}`,
      );
      results.push({
        name: s.name,
        description: s.description,
        ...(s.note ? { note: s.note } : {}),
        resultSize: size,
        statements: floor.statements.length,
        p50Ms: m.app.p50,
        p95Ms: m.app.p95,
        maxMs: m.app.max,
        samples: m.app.samples,
        floor: { p50Ms: m.floor.p50, p95Ms: m.floor.p95, maxMs: m.floor.max },
        ratio,
        ...(before && after
          ? {
              memory: {
                before,
                after,
                rssDeltaMiB: Math.round((after.rssMiB - before.rssMiB) * 10) / 10,
                heapUsedDeltaMiB: Math.round((after.heapUsedMiB - before.heapUsedMiB) * 10) / 10,
              },
            }
          : {}),
        ...(s.name.startsWith("export_") && size
          ? {
              rowsPerSecond: Math.round((size / m.app.p50) * 1000),
              floorRowsPerSecond: Math.round((size / m.floor.p50) * 1000),
            }
          : {}),
      });
    }

    // --http-export (PostgreSQL): the full export through the production server on this database. On
    // PGlite, run with --keep, then scripts/bench/http-export.ts --data-dir on the kept folder.
    let httpExport = null;
    if (values["http-export"]) {
      if (!bdb.url) throw new Error("--http-export needs DATABASE_URL; on PGlite use --keep, then http-export.ts");
      httpExport = await runHttpExport({ databaseUrl: bdb.url, port: Number(values["http-export-port"]), log });
    }

    const report = {
      date: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      machine: machine(),
      db: { kind: bdb.kind, version: version.split(" on ")[0].split(",")[0], sizeBytes: Number(bytes) },
      dataset: { ...dataset, timezone: TZ, seedSeconds },
      method: {
        warmup,
        samples,
        floor:
          "the statements the scenario sent, replayed in order through the plain driver (export_csv_all: one COPY of its SELECT)",
      },
      scenarios: results,
      ...(httpExport ? { httpExport } : {}),
    };
    const dir = path.resolve(values.out);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `${report.date.slice(0, 10)}-${bdb.kind}-${entries >= 1000000 ? `${entries / 1e6}m` : `${entries / 1000}k`}${values.name ? `-${values.name}` : ""}.json`,
    );
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    setDbConnection(undefined);
    await bdb.dispose();
  }
}

main().catch((err) => {
  log(`bench failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
