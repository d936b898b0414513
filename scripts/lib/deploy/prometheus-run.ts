// Runs the real Prometheus (Debian's /usr/bin/prometheus) with docker/prometheus/prometheus.yml,
// retargeted at a locally running app, and asks its HTTP API what it scraped.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { check, sleep, waitForOk } from "./http";

export const PROMETHEUS_CONFIG = path.resolve(__dirname, "../../../docker/prometheus/prometheus.yml");
export const APP_JOB = "timetracker";

interface ScrapeConfig {
  job_name: string;
  scrape_interval?: string;
  scrape_timeout?: string;
  metrics_path?: string;
  authorization?: { type?: string; credentials_file?: string };
  static_configs?: { targets: string[]; labels?: Record<string, string> }[];
}
interface PromConfig {
  global?: Record<string, unknown>;
  scrape_configs: ScrapeConfig[];
}

/** Our config with only the app's job, its target and token file replaced, scraping every second. */
export function retargetConfig(yamlText: string, opts: { target: string; tokenFile: string }): string {
  const cfg = YAML.parse(yamlText) as PromConfig;
  const job = cfg.scrape_configs.find((j) => j.job_name === APP_JOB);
  if (!job) throw new Error(`prometheus.yml has no job "${APP_JOB}"`);
  job.static_configs = (job.static_configs ?? []).map((s) => ({ ...s, targets: [opts.target] }));
  job.authorization = { ...job.authorization, credentials_file: opts.tokenFile };
  job.scrape_interval = "1s";
  job.scrape_timeout = "1s";
  cfg.scrape_configs = [job];
  return YAML.stringify(cfg);
}

/** `promtool check config`: syntax of the file as shipped, then a full check of a copy whose token file exists. */
export function promtoolCheck(file = PROMETHEUS_CONFIG): void {
  const run = (args: string[]) => {
    const res = spawnSync("promtool", args, { encoding: "utf8" });
    if (res.error) throw new Error(`promtool: ${res.error.message} (apt-get install prometheus)`);
    process.stdout.write(res.stdout);
    if (res.status !== 0) throw new Error(`promtool ${args.join(" ")} failed:\n${res.stderr}${res.stdout}`);
  };
  run(["check", "config", "--syntax-only", file]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-promtool-"));
  try {
    const token = path.join(dir, "metrics_token");
    fs.writeFileSync(token, "x\n");
    const cfg = YAML.parse(fs.readFileSync(file, "utf8")) as PromConfig;
    for (const j of cfg.scrape_configs) if (j.authorization?.credentials_file) j.authorization.credentials_file = token;
    const copy = path.join(dir, "prometheus.yml");
    fs.writeFileSync(copy, YAML.stringify(cfg));
    run(["check", "config", copy]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface RunningPrometheus {
  url: string;
  dir: string;
  query(q: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  stop(): Promise<void>;
}

export async function startPrometheus(opts: {
  appUrl: string;
  token: string | undefined;
  port: number;
  bin?: string;
}): Promise<RunningPrometheus> {
  const bin = opts.bin ?? "/usr/bin/prometheus";
  if (!fs.existsSync(bin)) throw new Error(`${bin} not found: apt-get install prometheus`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-prometheus-"));
  const tokenFile = path.join(dir, "metrics_token");
  fs.writeFileSync(tokenFile, `${opts.token ?? ""}\n`, { mode: 0o600 });
  const configFile = path.join(dir, "prometheus.yml");
  fs.writeFileSync(
    configFile,
    retargetConfig(fs.readFileSync(PROMETHEUS_CONFIG, "utf8"), { target: new URL(opts.appUrl).host, tokenFile }),
  );
  const url = `http://127.0.0.1:${opts.port}`;
  const child: ChildProcess = spawn(
    bin,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=127.0.0.1:${opts.port}`,
      "--log.level=warn",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const log = fs.createWriteStream(path.join(dir, "prometheus.log"));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  await Promise.race([
    waitForOk(`${url}/-/ready`, 30_000),
    exited.then(() => {
      throw new Error(`prometheus exited at start; see ${path.join(dir, "prometheus.log")}`);
    }),
  ]);
  return {
    url,
    dir,
    async query(q) {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(q)}`);
      const body = (await res.json()) as { status: string; error?: string; data?: { result: never[] } };
      if (body.status !== "success") throw new Error(`query ${q} failed: ${body.error}`);
      return body.data?.result ?? [];
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

interface Target {
  health: string;
  lastError: string;
  labels: Record<string, string>;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await fn();
    if (v !== undefined) return v;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The three facts CI asserts: target up, build info stored, a request to the app counted. */
export async function assertScrapes(prom: RunningPrometheus, appUrl: string, log: (s: string) => void): Promise<void> {
  let lastTarget: Target | undefined;
  await poll("the app target to be up", async () => {
    const res = await fetch(`${prom.url}/api/v1/targets?state=active`);
    const body = (await res.json()) as { data: { activeTargets: Target[] } };
    lastTarget = body.data.activeTargets.find((t) => t.labels.job === APP_JOB);
    return lastTarget?.health === "up" ? true : undefined;
  }).catch(() => {
    throw new Error(
      `target ${APP_JOB} is not up: ${lastTarget ? `${lastTarget.health} ${lastTarget.lastError}` : "not found"}`,
    );
  });
  log(`target ${APP_JOB} is up`);

  const build = await poll("timetracker_build_info", async () => {
    const r = await prom.query(`timetracker_build_info{job="${APP_JOB}"}`);
    return r.length ? r : undefined;
  });
  check(build[0].metric.version, "timetracker_build_info has no version label");
  log(`timetracker_build_info stored: version=${build[0].metric.version} commit=${build[0].metric.commit}`);

  const q = `sum(timetracker_http_requests_total{job="${APP_JOB}",route="/api/health"}) or vector(0)`;
  const before = Number((await prom.query(q))[0]?.value[1] ?? 0);
  const N = 3;
  for (let i = 0; i < N; i++) check((await fetch(`${appUrl}/api/health`)).ok, "/api/health failed");
  const after = await poll(`${N} requests to /api/health in timetracker_http_requests_total`, async () => {
    const v = Number((await prom.query(q))[0]?.value[1] ?? 0);
    return v >= before + N ? v : undefined;
  }).catch(async (err: Error) => {
    const routes = await prom.query(`count by (route) (timetracker_http_requests_total{job="${APP_JOB}"})`);
    throw new Error(`${err.message}; routes seen: ${routes.map((r) => r.metric.route).join(", ") || "none"}`);
  });
  log(`timetracker_http_requests_total{route="/api/health"}: ${before} → ${after}`);
}

/** Starts Prometheus, asserts the scrapes, stops it; its folder (config, TSDB, log) is kept only on failure. */
export async function checkScrapesWithPrometheus(
  opts: { appUrl: string; token: string | undefined; port: number },
  log: (s: string) => void,
): Promise<void> {
  const prom = await startPrometheus(opts);
  let ok = false;
  try {
    await assertScrapes(prom, opts.appUrl, log);
    ok = true;
  } finally {
    await prom.stop();
    if (ok) fs.rmSync(prom.dir, { recursive: true, force: true });
    else log(`Prometheus' config, data and log are kept in ${prom.dir}`);
  }
}
