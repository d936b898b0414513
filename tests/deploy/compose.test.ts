// The compose files parse, reference only services, files and volumes that exist, and agree with
// the app's configuration (port, log path, metrics path and token), so `docker compose up` works.
import fs from "node:fs";
import path from "node:path";
import { parseEnv, ZEnv } from "@/lib/env";
import { readAlloyPipeline } from "@/scripts/lib/deploy/alloy";
import {
  COMPOSE_FILES,
  DOCKER_DIR,
  interpolateDefault,
  interpolatedVariables,
  load,
  merge,
  parseMount,
  readYaml,
  ROOT,
} from "./compose-files";

const STACKS = [
  ["compose.yaml"],
  ["compose.embedded.yaml"],
  ["compose.yaml", "compose.analytics.yaml"],
  ["compose.embedded.yaml", "compose.analytics.yaml"],
];

describe("compose files", () => {
  test.each(COMPOSE_FILES)("%s is valid YAML with services", (f) => {
    expect(Object.keys(load(f).services).length).toBeGreaterThan(0);
  });

  test.each(STACKS.map((s) => [s.join(" + "), s]))(
    "%s: every depends_on, volume and secret is defined",
    (_label, files) => {
      const c = merge(...(files as string[]));
      for (const [name, s] of Object.entries(c.services)) {
        for (const dep of Object.keys(s.depends_on ?? {}))
          expect({ service: name, dependsOn: dep, exists: dep in c.services }).toEqual({
            service: name,
            dependsOn: dep,
            exists: true,
          });
        for (const v of s.volumes ?? []) {
          const { source } = parseMount(v);
          if (!source.startsWith(".") && !source.startsWith("/"))
            expect({ service: name, volume: source, declared: source in (c.volumes ?? {}) }).toEqual({
              service: name,
              volume: source,
              declared: true,
            });
        }
        for (const sec of s.secrets ?? []) expect(c.secrets).toHaveProperty(sec);
      }
    },
  );

  test("every mounted config file and the Dockerfile exist in the repository", () => {
    for (const f of COMPOSE_FILES) {
      for (const [name, s] of Object.entries(load(f).services)) {
        for (const v of s.volumes ?? []) {
          const { source } = parseMount(v);
          if (source.startsWith("."))
            expect({ service: name, file: source, exists: fs.existsSync(path.resolve(DOCKER_DIR, source)) }).toEqual({
              service: name,
              file: source,
              exists: true,
            });
        }
        if (s.build) expect(fs.existsSync(path.resolve(DOCKER_DIR, s.build.context, s.build.dockerfile))).toBe(true);
      }
    }
  });

  test("app and postgres: healthchecks, restart policy, ordered start, pinned images", () => {
    const c = load("compose.yaml");
    expect(c.services.app.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    // The app's health check is the image's HEALTHCHECK (podman-compose 1.0 mangles a CMD-form override).
    expect(c.services.app.healthcheck).toBeUndefined();
    expect(load("compose.embedded.yaml").services.app.healthcheck).toBeUndefined();
    expect(fs.readFileSync(path.join(DOCKER_DIR, "Dockerfile"), "utf8")).toMatch(
      /^HEALTHCHECK .*\n\s+CMD .*\/api\/health/m,
    );
    expect(c.services.postgres.healthcheck?.test.join(" ")).toContain("pg_isready");
    expect(c.services.postgres.image).toMatch(/^postgres:\d+(-[a-z]+)?$/);
    expect(c.services.app.environment?.DATABASE_URL).toMatch(
      /^postgresql:\/\/timetracker:\$\{POSTGRES_PASSWORD.*\}@postgres:5432\/timetracker$/,
    );
    for (const f of COMPOSE_FILES) {
      for (const [name, s] of Object.entries(load(f).services)) {
        expect({ name, restart: s.restart }).toEqual({ name, restart: "unless-stopped" });
        if (s.image && !s.build)
          expect({ name, pinned: /:[\w.-]*\d[\w.-]*$/.test(s.image) && !s.image.endsWith(":latest") }).toEqual({
            name,
            pinned: true,
          });
      }
    }
  });

  test("the embedded variant runs the same app service, without PostgreSQL", () => {
    const pg = load("compose.yaml").services.app;
    const embedded = load("compose.embedded.yaml");
    expect(Object.keys(embedded.services)).toEqual(["app"]);
    const { depends_on: _d, environment: pgEnv, ...pgRest } = pg;
    const { environment: emEnv, ...emRest } = embedded.services.app;
    expect(emRest).toEqual(pgRest);
    expect(emEnv?.DATABASE_URL).toBe("");
    expect({ ...emEnv, DATABASE_URL: "x" }).toEqual({ ...pgEnv, DATABASE_URL: "x" });
  });

  test("the app's published port, data and log folders match its configuration and the image", () => {
    const app = load("compose.yaml").services.app;
    const cfg = parseEnv({ ...app.environment, DATABASE_URL: undefined });
    expect(app.ports?.map(interpolateDefault)).toEqual([`3000:${cfg.PORT}`]);
    const mounts = Object.fromEntries((app.volumes ?? []).map((v) => [parseMount(v).target, parseMount(v).source]));
    expect(mounts[cfg.dataDir]).toBe("app-data");
    expect(mounts[path.dirname(cfg.logFilePath)]).toBe("app-logs");
    const dockerfile = fs.readFileSync(path.join(DOCKER_DIR, "Dockerfile"), "utf8");
    expect(dockerfile).toMatch(new RegExp(`EXPOSE ${cfg.PORT}\\b`));
    expect(dockerfile).toContain(`VOLUME ["${cfg.dataDir}", "${path.dirname(cfg.logFilePath)}"]`);
  });

  test("Prometheus scrapes the app's service name, port and /metrics with the token the app checks", () => {
    const c = merge("compose.yaml", "compose.analytics.yaml");
    const prom = readYaml<{
      scrape_configs: {
        job_name: string;
        metrics_path: string;
        authorization: { type: string; credentials_file: string };
        static_configs: { targets: string[] }[];
      }[];
    }>(path.join(DOCKER_DIR, "prometheus/prometheus.yml"));
    const job = prom.scrape_configs.find((j) => j.job_name === "timetracker")!;
    expect(job.static_configs[0].targets).toEqual([`app:${c.services.app.environment?.PORT}`]);
    expect(job.metrics_path).toBe("/metrics");
    // The route the app serves /metrics from, and proxy.ts lets it through without a session.
    expect(fs.readFileSync(path.join(ROOT, "proxy.ts"), "utf8")).toContain('"/metrics"');
    if (process.env.SMOKE_SKIP_METRICS !== "1")
      expect(fs.existsSync(path.join(ROOT, "app/metrics/route.ts"))).toBe(true);
    expect(job.authorization.type).toBe("Bearer");
    const secret = path.basename(job.authorization.credentials_file);
    expect(job.authorization.credentials_file).toBe(`/run/secrets/${secret}`);
    expect(c.services.prometheus.secrets).toContain(secret);
    expect(c.secrets?.[secret]).toEqual({ environment: "METRICS_TOKEN" });
    expect(Object.keys(ZEnv.shape)).toContain("METRICS_TOKEN");
    const listen = c.services.prometheus.command?.find((a) => a.startsWith("--web.listen-address="));
    expect(listen).toBe("--web.listen-address=:9090");
  });

  test("Alloy tails the file the app writes, through the app's log volume", () => {
    const c = merge("compose.yaml", "compose.analytics.yaml");
    const app = c.services.app;
    const cfg = parseEnv({ ...app.environment, DATABASE_URL: undefined });
    const appLogs = (app.volumes ?? []).map(parseMount).find((m) => m.target === path.dirname(cfg.logFilePath))!;
    const alloyLogs = (c.services.alloy.volumes ?? []).map(parseMount).find((m) => m.source === appLogs.source)!;
    expect(alloyLogs.readOnly).toBe(true);
    expect(readAlloyPipeline().path).toBe(path.posix.join(alloyLogs.target, path.basename(cfg.logFilePath)));
    expect(readAlloyPipeline().lokiUrl).toBe("http://loki:3100/loki/api/v1/push");
    expect(c.services.alloy.command).toContain("--disable-reporting");
  });

  test("Grafana: analytics and update checks off, provisioning mounted, dashboards path matches the provider", () => {
    const g = load("compose.analytics.yaml").services.grafana;
    expect(g.environment).toMatchObject({
      GF_ANALYTICS_REPORTING_ENABLED: "false",
      GF_ANALYTICS_CHECK_FOR_UPDATES: "false",
    });
    const mounts = (g.volumes ?? []).map(parseMount);
    const provider = readYaml<{ providers: { options: { path: string } }[] }>(
      path.join(DOCKER_DIR, "grafana/provisioning/dashboards/dashboards.yaml"),
    );
    expect(mounts.find((m) => m.source === "./grafana/dashboards")?.target).toBe(provider.providers[0].options.path);
    expect(mounts.find((m) => m.source === "./grafana/provisioning")?.target).toBe("/etc/grafana/provisioning");
    const ds = readYaml<{ datasources: { uid: string; url: string }[] }>(
      path.join(DOCKER_DIR, "grafana/provisioning/datasources/datasources.yaml"),
    );
    expect(Object.fromEntries(ds.datasources.map((d) => [d.uid, d.url]))).toEqual({
      prometheus: "http://prometheus:9090",
      loki: "http://loki:3100",
    });
    expect(load("compose.analytics.yaml").services.grafana.profiles).toEqual(["monitoring", "logging"]);
  });

  test("docker/.env.example documents every app variable and every variable the compose files use", () => {
    const example = fs.readFileSync(path.join(DOCKER_DIR, ".env.example"), "utf8");
    const documented = new Set([...example.matchAll(/^#?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const compose = COMPOSE_FILES.map((f) => fs.readFileSync(path.join(DOCKER_DIR, f), "utf8")).join("\n");
    const missing = [...Object.keys(ZEnv.shape), ...interpolatedVariables(compose)].filter((v) => !documented.has(v));
    expect(missing).toEqual([]);
  });
});
