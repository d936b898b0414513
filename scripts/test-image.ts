// `npm run test:image -- [--image TAG] [--base IMAGE] [--engine podman|docker] [--database-url URL] [--out DIR]`
// Smoke test of the BUILT container image, run as users run it: host folders for data and logs,
// the user the image declares, the image's own HEALTHCHECK command. It checks migrations, health,
// readiness, the first-run redirect to /setup, the setup wizard in Chromium, ownership and modes of
// the data files, SIGTERM within 10 s, a restart on the same data, and a start on PostgreSQL
// (DATABASE_URL; a database of its own is created on the server TEST_DATABASE_URL points at).
// Prints the image figures (layers, size above the base, largest parts, start times) and writes
// them to DIR/figures.json. Runs as root (it chowns the host folders to the image's uid).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { check, CheckFailure, freePort, sleep, waitForOk } from "./lib/deploy/http";
import { Engine, envList, type EngineName } from "./lib/image-engine";
import { imageFigures, type ImageFigures } from "./lib/image-figures";
import { completeSetupWizard, landingPath, signIn, type Admin } from "./lib/image-wizard";

const root = path.resolve(__dirname, "..");
const { values: args } = parseArgs({
  options: {
    image: { type: "string", default: "localhost/timetracker:ci" },
    base: { type: "string" },
    engine: { type: "string", default: "podman" },
    "database-url": { type: "string" },
    out: { type: "string" },
  },
});
const log = (s: string) => console.log(`test:image: ${s}`);
const IMAGE = args.image!;
const engine = Engine.create(args.engine as EngineName, root);
const run = `tt-image-${crypto.randomBytes(3).toString("hex")}`;
const admin: Admin = {
  username: "image-admin",
  email: "image-admin@example.test",
  password: `Image-${crypto.randomBytes(8).toString("hex")}`,
};
const failures: string[] = [];
/** A check that is reported at the end instead of stopping the run (the rest still tells something). */
const soft = (cond: unknown, message: string) => {
  if (!cond) failures.push(message);
  log(`${cond ? "ok" : "FAILED"}: ${message}`);
};

interface Started {
  name: string;
  url: string;
  /** From the container's start (its process running) to the first /api/health 200. */
  startMs: number;
  /** From `run` to the first 200: container creation (a full rootfs copy on vfs) included. */
  totalMs: number;
}

async function start(name: string, env: Record<string, string>, dirs: { data: string; logs: string }) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The host network (buildah/podman on CI's machine have no port-forwarding needs this way); the
  // app listens on the chosen port, so the image's HEALTHCHECK (which reads PORT) probes it too.
  const vars = { PORT: String(port), HOSTNAME: "127.0.0.1", NEXTAUTH_URL: url, ...env };
  const t0 = Date.now();
  engine.run([
    "run",
    "-d",
    "--name",
    name,
    "--network",
    "host",
    ...Object.entries(vars).flatMap(([k, v]) => ["-e", `${k}=${v}`]),
    "-v",
    `${dirs.data}:/app/data`,
    "-v",
    `${dirs.logs}:/app/logs`,
    IMAGE,
  ]);
  return { name, url, ...(await waitUp(name, url, t0)) };
}

/** Waits for /api/health 200 (or the container's exit): ms since the process started, and since t0. */
async function waitUp(name: string, url: string, t0: number): Promise<{ startMs: number; totalMs: number }> {
  const c = { name, url };
  const deadline = t0 + 180_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${c.url}/api/health`).catch(() => undefined);
    if (res?.ok) {
      const now = Date.now();
      return { startMs: now - Date.parse(engine.state(name).StartedAt), totalMs: now - t0 };
    }
    if (!engine.state(c.name).Running)
      throw new CheckFailure(`the container exited before answering:\n${engine.logs(c.name).slice(-3000)}`);
    await sleep(100);
  }
  throw new CheckFailure(`no /api/health within 180 s:\n${engine.logs(c.name).slice(-3000)}`);
}

async function ready(c: Pick<Started, "name" | "url">, database: string): Promise<void> {
  const body = (await (await waitForOk(`${c.url}/api/ready`, 30_000)).json()) as { status: string; database: string };
  check(body.status === "ready" && body.database === database, `/api/ready: ${JSON.stringify(body)}`);
  const migrated = engine
    .logs(c.name)
    .split("\n")
    .findLast((l) => l.includes('"startup.migrated"'));
  check(migrated, "no startup.migrated line in the container's output");
  log(`${c.name}: /api/health 200, /api/ready 200 (${database}); ${JSON.parse(migrated).message}`);
}

function healthcheck(c: Pick<Started, "name">, hc: string[] | undefined): void {
  check(hc?.[0] === "CMD" && hc.length > 1, `the image has no HEALTHCHECK CMD (got ${JSON.stringify(hc)})`);
  const own = engine.run(["exec", c.name, ...hc.slice(1)], { allowFail: true });
  check(own.code === 0, `the HEALTHCHECK command exited ${own.code}: ${own.err}`);
  if (engine.name === "podman") {
    const hcRun = engine.run(["healthcheck", "run", c.name], { allowFail: true });
    check(hcRun.code === 0, `podman healthcheck run exited ${hcRun.code}: ${hcRun.err}${hcRun.out}`);
  }
  log(`${c.name}: the image's HEALTHCHECK command exits 0`);
}

/** SIGTERM (the runtime's stop, 10 s before SIGKILL): a clean exit, and well before the kill. */
function stop(c: Pick<Started, "name">): number {
  const t0 = Date.now();
  engine.run(["stop", "-t", "10", c.name], { timeoutMs: 30_000 });
  const ms = Date.now() - t0;
  const st = engine.state(c.name);
  check(st.ExitCode === 0 || st.ExitCode === 143, `exit code ${st.ExitCode} after SIGTERM (137 = killed)`);
  check(ms < 10_000, `SIGTERM took ${ms} ms to stop the container`);
  check(engine.logs(c.name).includes('"event":"shutdown"'), "no shutdown line after SIGTERM");
  log(`${c.name}: SIGTERM → exit ${st.ExitCode} in ${ms} ms, shutdown logged`);
  return ms;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

function checkDataFiles(dataDir: string, uid: number): void {
  const entries = walk(dataDir);
  check(entries.length > 0, "the data folder is empty after the first start");
  const foreign = entries.filter((p) => fs.lstatSync(p).uid !== uid);
  soft(
    foreign.length === 0,
    `all ${entries.length} entries in the data folder belong to uid ${uid}${foreign.length ? ` (not: ${foreign.slice(0, 3).join(", ")})` : ""}`,
  );
  const readable = [dataDir, ...entries].filter((p) => (fs.lstatSync(p).mode & 0o004) !== 0);
  soft(
    readable.length === 0,
    `no file or folder in the data folder is world-readable${
      readable.length
        ? ` (${readable.length} are, e.g. ${readable
            .slice(0, 3)
            .map((p) => `${path.relative(dataDir, p) || "."} ${(fs.lstatSync(p).mode & 0o777).toString(8)}`)
            .join(", ")})`
        : ""
    }`,
  );
}

async function withDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = run.replace(/-/g, "_");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  try {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await client.end();
  }
}

async function main(): Promise<void> {
  const { config } = engine.imageConfig(IMAGE);
  const env = envList(config.Env);
  check(config.User && !/^(root|0)(:|$)/.test(config.User), `the image runs as ${config.User ?? "root"}`);
  const uid = Number(engine.run(["run", "--rm", "--network", "none", "--entrypoint", "id", IMAGE, "-u"]).out.trim());
  check(uid === 10001, `the image's user ${config.User} has uid ${uid}, not 10001`);
  check(
    env.DATA_DIR === "/app/data" && env.LOG_DIR === "/app/logs",
    `DATA_DIR/LOG_DIR: ${env.DATA_DIR} ${env.LOG_DIR}`,
  );
  log(`${IMAGE}: user ${config.User} (uid ${uid}), HEALTHCHECK ${JSON.stringify(config.Healthcheck?.Test)}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tt-image-"));
  const dirs = { data: path.join(work, "data"), logs: path.join(work, "logs") };
  for (const d of Object.values(dirs)) {
    fs.mkdirSync(d, { mode: 0o700 });
    fs.chownSync(d, uid, uid);
  }
  const names: string[] = [];
  const figures: Partial<ImageFigures> = {};
  try {
    // First start on an empty embedded database: it migrates, and / leads to the wizard.
    names.push(`${run}-pglite`);
    const c = await start(names[0], {}, dirs);
    await ready(c, "pglite");
    const pid1 = engine.run(["exec", c.name, "cat", "/proc/1/status"]).out;
    check(
      /^Uid:\s+10001\b/m.test(pid1),
      `the server process does not run as uid 10001: ${/^Uid:.*$/m.exec(pid1)?.[0]}`,
    );
    check((await landingPath(c.url, "/")) === "/setup", "GET / does not lead to /setup on a fresh installation");
    check((await fetch(`${c.url}/docs/privacy`)).status === 200, "GET /docs/privacy (shipped docs) is not 200");
    log(
      `${c.name}: up ${c.startMs} ms after its start (${c.totalMs} ms after run) as uid 10001; / → /setup; /docs/privacy 200`,
    );
    healthcheck(c, config.Healthcheck?.Test);
    await completeSetupWizard(c.url, admin);
    check(await signIn(c.url, admin), "the administrator made in the wizard cannot sign in");
    log(`${c.name}: setup wizard done in Chromium; the administrator signs in`);
    figures.stopMs = stop(c);
    checkDataFiles(dirs.data, uid);

    // Restart: the same container on the same folders keeps the administrator and the settings.
    const t0 = Date.now();
    engine.run(["start", c.name]);
    const restartMs = (await waitUp(c.name, c.url, t0)).startMs;
    await ready(c, "pglite");
    check((await landingPath(c.url, "/")) !== "/setup", "after a restart / leads to /setup again: the data is gone");
    check(await signIn(c.url, admin), "after a restart the administrator cannot sign in");
    log(`${c.name}: restarted in ${restartMs} ms; the administrator still signs in, / no longer leads to /setup`);
    stop(c);
    checkDataFiles(dirs.data, uid);
    Object.assign(figures, { firstStartMs: c.startMs, firstRunMs: c.totalMs, restartMs });

    const serverUrl = args["database-url"] ?? process.env.TEST_DATABASE_URL;
    check(serverUrl, "no PostgreSQL to test against: pass --database-url or set TEST_DATABASE_URL");
    await withDatabase(serverUrl, async (databaseUrl) => {
      names.push(`${run}-pg`);
      const pgDirs = { data: path.join(work, "pg-data"), logs: path.join(work, "pg-logs") };
      for (const d of Object.values(pgDirs)) {
        fs.mkdirSync(d, { mode: 0o700 });
        fs.chownSync(d, uid, uid);
      }
      // With DATABASE_URL the app wants a session secret of the operator's (no key file in a volume).
      const secret = crypto.randomBytes(32).toString("base64");
      const p = await start(names[1], { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret }, pgDirs);
      await ready(p, "postgres");
      check((await landingPath(p.url, "/")) === "/setup", "on a fresh PostgreSQL database / does not lead to /setup");
      log(`${p.name}: up on PostgreSQL in ${p.startMs} ms; / → /setup`);
      figures.postgresStartMs = p.startMs;
      stop(p);
    });
  } catch (err) {
    console.error(`test:image: host folders kept in ${work}`);
    throw err;
  } finally {
    for (const n of names) engine.remove(n);
  }
  fs.rmSync(work, { recursive: true, force: true });

  Object.assign(figures, imageFigures(engine, IMAGE, args.base));
  const text = JSON.stringify(figures, null, 2);
  if (args.out) {
    fs.mkdirSync(args.out, { recursive: true });
    fs.writeFileSync(path.join(args.out, "figures.json"), `${text}\n`);
  }
  console.log(text);
  check(failures.length === 0, `${failures.length} check(s) failed:\n  ${failures.join("\n  ")}`);
  log("all checks passed");
}

main().catch((err: unknown) => {
  console.error(`test:image: FAILED: ${err instanceof CheckFailure ? err.message : (err as Error).stack}`);
  process.exit(1);
});
