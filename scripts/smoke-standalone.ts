// `npm run test:smoke -- [--out DIR] [--prometheus] [--port N]`: the standalone build, copied away
// from the repository (so nothing resolves from ./node_modules), must start on a fresh embedded
// database and pass health, readiness, sign-in, /metrics and log checks. With --prometheus, the real
// Prometheus scrapes it with docker/prometheus/prometheus.yml. --out keeps metrics.txt and app.jsonl
// for check:dashboards and check:logs. SMOKE_SKIP_METRICS=1 tolerates a missing /metrics (local only).
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { check, CheckFailure, CookieJar, freePort, waitForOk } from "./lib/deploy/http";
import { checkScrapesWithPrometheus, promtoolCheck } from "./lib/deploy/prometheus-run";

const root = path.resolve(__dirname, "..");
const { values: args } = parseArgs({
  options: {
    out: { type: "string" },
    prometheus: { type: "boolean", default: false },
    port: { type: "string" },
    "prometheus-port": { type: "string" },
  },
});
const skipMetrics = process.env.SMOKE_SKIP_METRICS === "1";
const log = (s: string) => console.log(`smoke: ${s}`);

const USER = {
  username: "smoke-admin",
  email: "smoke-admin@example.test",
  password: `Smoke-${crypto.randomBytes(6).toString("hex")}`,
};

async function main(): Promise<void> {
  const standalone = path.join(root, ".next/standalone");
  check(fs.existsSync(path.join(standalone, "server.js")), "no .next/standalone/server.js: run `npm run build` first");
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "tt-smoke-"));
  const appDir = path.join(base, "app");
  const dataDir = path.join(base, "data");
  const logDir = path.join(base, "logs");
  fs.cpSync(standalone, appDir, { recursive: true, verbatimSymlinks: true });
  log(`standalone copied to ${appDir}`);

  // PGlite is one process per data folder: the account is created before the server opens it.
  const created = spawnSync(
    "npm",
    ["run", "--silent", "user:create", "--", "--username", USER.username, "--email", USER.email, "--admin"],
    {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        LOG_LEVEL: "warn",
        LOG_DIR: path.join(base, "cli-logs"),
        TT_PASSWORD: USER.password,
      },
      encoding: "utf8",
    },
  );
  check(created.status === 0, `user:create failed: ${created.stderr}${created.stdout}`);
  log(`account ${USER.username} created in ${dataDir}`);

  const port = Number(args.port ?? process.env.SMOKE_PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const token = crypto.randomBytes(24).toString("hex");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_DIR: logDir,
    MIGRATIONS_DIR: path.join(appDir, "prisma/migrations"),
    NEXTAUTH_URL: url,
    METRICS_TOKEN: token,
    GIT_COMMIT: process.env.GIT_COMMIT ?? "smoke",
  };
  const startApp = async (label: string) => {
    const server = spawn(process.execPath, ["server.js"], { cwd: appDir, env, stdio: ["ignore", "pipe", "pipe"] });
    const out = fs.createWriteStream(path.join(base, "server.out"), { flags: "a" });
    server.stdout.pipe(out);
    server.stderr.pipe(out);
    const exited = new Promise<number | null>((r) => server.once("exit", (code) => r(code)));
    await Promise.race([
      waitForOk(`${url}/api/health`, 90_000),
      exited.then((code) => {
        throw new CheckFailure(
          `the server exited with code ${code} before answering; see ${path.join(base, "server.out")}`,
        );
      }),
    ]);
    const health = await fetch(`${url}/api/health`, { headers: { "x-request-id": "smoke-req-1" } });
    check(health.headers.get("x-request-id") === "smoke-req-1", "/api/health does not echo X-Request-ID");
    log(`${label}: GET /api/health 200 on ${url} (X-Request-ID echoed)`);
    const ready = (await (await waitForOk(`${url}/api/ready`, 30_000)).json()) as { status: string; database: string };
    check(ready.status === "ready" && ready.database === "pglite", `unexpected readiness: ${JSON.stringify(ready)}`);
    log(`${label}: GET /api/ready 200 (${ready.database})`);
    return async () => {
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
      const code = await exited;
      // Next's standalone server exits 143 (128 + SIGTERM) after its own cleanup; both are clean.
      check(code === 0 || code === 143, `the server exited with code ${code} on SIGTERM`);
    };
  };

  let stop: (() => Promise<void>) | undefined;
  try {
    stop = await startApp("first start");
    await signIn(url);

    const metrics = await checkMetrics(url, token);
    if (args.out) {
      fs.mkdirSync(args.out, { recursive: true });
      if (metrics) fs.writeFileSync(path.join(args.out, "metrics.txt"), metrics);
    }

    if (args.prometheus) {
      promtoolCheck();
      log("promtool check config: docker/prometheus/prometheus.yml is valid");
      if (metrics === undefined) log("SKIPPED the Prometheus scrape (SMOKE_SKIP_METRICS=1 and no /metrics)");
      else {
        const promPort = Number(args["prometheus-port"] ?? process.env.PROMETHEUS_PORT ?? (await freePort()));
        await checkScrapesWithPrometheus({ appUrl: url, token, port: promPort }, (s) => log(`prometheus: ${s}`));
      }
    }
    await stop();
    // What a container restart or upgrade does: same data folder, the account is still there.
    stop = await startApp("restart");
    await signIn(url);
    await stop();
    stop = undefined;
  } catch (err) {
    await stop?.().catch(() => {});
    console.error(fs.readFileSync(path.join(base, "server.out"), "utf8").split("\n").slice(-40).join("\n"));
    console.error(`smoke: the copied build, data, logs and server output are kept in ${base}`);
    throw err;
  }
  checkLogFile(path.join(logDir, "app.jsonl"));
  if (args.out) fs.copyFileSync(path.join(logDir, "app.jsonl"), path.join(args.out, "app.jsonl"));
  fs.rmSync(base, { recursive: true, force: true });
  log("all checks passed");
}

async function signIn(url: string): Promise<void> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  jar.store(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  check(csrfToken, "no csrfToken from /api/auth/csrf");
  const login = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({
      login: USER.username,
      password: USER.password,
      csrfToken,
      callbackUrl: `${url}/`,
      json: "true",
    }),
  });
  jar.store(login);
  check(
    jar.has("next-auth.session-token"),
    `sign-in did not set a session cookie (HTTP ${login.status} ${login.headers.get("location") ?? ""})`,
  );
  const page = await fetch(`${url}/`, { headers: { cookie: jar.header() }, redirect: "manual" });
  const html = await page.text();
  check(page.status === 200, `signed-in GET / answered ${page.status} ${page.headers.get("location") ?? ""}`);
  check(html.includes("Dashboard"), "signed-in GET / does not show the dashboard");
  const anon = await fetch(`${url}/`, { redirect: "manual" });
  check(
    anon.status >= 300 && anon.status < 400 && /\/login/.test(anon.headers.get("location") ?? ""),
    "anonymous GET / is not redirected to /login",
  );
  log("signed in through /api/auth/callback/credentials; GET / shows the dashboard (anonymous: redirect to /login)");
}

/** Returns the exposition text, or undefined when tolerated as missing. */
async function checkMetrics(url: string, token: string): Promise<string | undefined> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status === 404 && skipMetrics) {
    log("SKIPPED /metrics checks: 404 and SMOKE_SKIP_METRICS=1");
    return undefined;
  }
  check(res.status === 200, `GET /metrics with the token answered ${res.status}`);
  check(
    /^text\/plain/.test(res.headers.get("content-type") ?? ""),
    `GET /metrics content-type is ${res.headers.get("content-type")}`,
  );
  const text = await res.text();
  for (const name of [
    "timetracker_build_info",
    "timetracker_http_requests_total",
    "process_cpu_seconds_total",
    "process_resident_memory_bytes",
  ]) {
    check(
      new RegExp(`^${name}[{ ]`, "m").test(text) || text.includes(`# TYPE ${name} `),
      `/metrics does not expose ${name}`,
    );
  }
  const anon = await fetch(`${url}/metrics`);
  check(
    anon.status === 401,
    `GET /metrics without the token answered ${anon.status} (expected 401 when METRICS_TOKEN is set)`,
  );
  const wrong = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer wrong" } });
  check(wrong.status === 401, `GET /metrics with a wrong token answered ${wrong.status}`);
  log(`GET /metrics 200 with the bearer token (${text.split("\n").length} lines), 401 without or with a wrong one`);
  return text;
}

function checkLogFile(file: string): void {
  check(fs.existsSync(file), `no log file at ${file}`);
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  const parsed = lines.map((l, i) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      throw new CheckFailure(`app.jsonl line ${i + 1} is not JSON: ${l.slice(0, 120)}`);
    }
  });
  for (const [i, o] of parsed.entries()) {
    check(typeof o.time === "string" && !Number.isNaN(Date.parse(o.time)), `app.jsonl line ${i + 1} has no ISO time`);
    check(typeof o.level === "string", `app.jsonl line ${i + 1} has no text level`);
    check(typeof o.message === "string", `app.jsonl line ${i + 1} has no message`);
  }
  const events = new Set(parsed.map((o) => String(o.event ?? "")));
  for (const e of ["startup.migrated", "startup.ready", "shutdown"])
    check(events.has(e), `app.jsonl has no "${e}" line`);
  check(
    parsed.some((o) => o.analytics_event === "auth.login"),
    'app.jsonl has no "auth.login" analytics line for the sign-in',
  );
  const text = fs.readFileSync(file, "utf8");
  check(!text.includes(USER.password) && !text.includes(USER.email), "app.jsonl contains the password or the email");
  log(`${lines.length} JSON lines in logs/app.jsonl (startup, sign-in, shutdown; no password or email)`);
}

main().catch((err: unknown) => {
  console.error(`smoke: FAILED: ${err instanceof CheckFailure ? err.message : (err as Error).stack}`);
  process.exit(1);
});
