// The image definition: pinned Node LTS, non-root, health check on /api/health, volumes, migrations
// where the standalone build puts them, telemetry off, OCI labels from build args.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { DOCKER_DIR, ROOT } from "./compose-files";

const dockerfile = fs.readFileSync(path.join(DOCKER_DIR, "Dockerfile"), "utf8");
const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
const envValue = (name: string) => new RegExp(`\\b${name}=(\\S+)`).exec(runtime)?.[1];

describe("docker/Dockerfile", () => {
  test("uses one pinned Node LTS slim base for every stage", () => {
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
    expect(base).toMatch(/^node:(20|22|24)\.\d+\.\d+-bookworm-slim$/);
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.length).toBeGreaterThanOrEqual(3);
    for (const f of froms) expect(f).toBe("${NODE_IMAGE}");
  });

  test("the runtime stage runs as a non-root user and exposes the app port", () => {
    const user = /^USER (\S+)$/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
    expect(envValue("PORT")).toBe("3000");
  });

  test("health check probes /api/health with node (no curl in slim images)", () => {
    const hc = /^HEALTHCHECK[\s\S]*?CMD (.*)$/m.exec(runtime)?.[1] ?? "";
    expect(hc).toContain('"node", "-e"');
    expect(hc).toContain("/api/health");
    expect(hc).not.toMatch(/curl|wget/);
  });

  test("data and logs are volumes, and the env points the app at them and at the copied migrations", () => {
    expect(runtime).toContain('VOLUME ["/app/data", "/app/logs"]');
    expect(envValue("DATA_DIR")).toBe("/app/data");
    expect(envValue("LOG_DIR")).toBe("/app/logs");
    expect(envValue("NEXT_TELEMETRY_DISABLED")).toBe("1");
    expect(envValue("NODE_ENV")).toBe("production");
    // postbuild.mjs copies prisma/migrations into .next/standalone, which becomes /app.
    expect(fs.readFileSync(path.join(ROOT, "scripts/postbuild.mjs"), "utf8")).toContain(
      'path.join(out, "prisma/migrations")',
    );
    expect(runtime).toContain("COPY --from=build --chown=root:root /src/.next/standalone ./");
    expect(envValue("MIGRATIONS_DIR")).toBe("/app/prisma/migrations");
    expect(runtime).toMatch(/^CMD \["node", "server.js"\]$/m);
  });

  test("OCI labels carry the version and revision build args", () => {
    expect(runtime).toMatch(/^ARG VERSION/m);
    expect(runtime).toMatch(/^ARG REVISION/m);
    expect(runtime).toContain('org.opencontainers.image.version="${VERSION}"');
    expect(runtime).toContain('org.opencontainers.image.revision="${REVISION}"');
    expect(envValue("GIT_COMMIT")).toBe("${REVISION}");
  });

  test("npm install scripts are off and the Prisma client is generated offline", () => {
    expect(dockerfile).toContain("npm ci --ignore-scripts");
    expect(dockerfile).toContain("node scripts/prisma-generate.mjs && npm run build");
  });

  test(".dockerignore keeps secrets, local state and dependencies out of the build context", () => {
    const ignored = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const p of [".env", "docker/.env", "node_modules", ".next", "data", "logs", ".git"])
      expect(ignored).toContain(p);
    // The build needs these: never ignore them.
    for (const p of ["prisma", "scripts", "app", "lib", "public", "package-lock.json"])
      expect(ignored).not.toContain(p);
  });

  test("next build type-checks only files the build context has (tests, e2e and bench tooling are left out)", () => {
    // next.config.mjs points the build at tsconfig.build.json; every file that program reaches must
    // survive .dockerignore, or `docker build` stops in the type check (as it did on scripts → e2e/server).
    expect(fs.readFileSync(path.join(ROOT, "next.config.mjs"), "utf8")).toMatch(
      /typescript:\s*\{\s*tsconfigPath:\s*"tsconfig.build.json"/,
    );
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, "tsconfig.build.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        },
      },
    )!;
    const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
    const ours = program
      .getSourceFiles()
      .map((f) => path.relative(ROOT, f.fileName))
      .filter((f) => !f.startsWith("..") && !f.includes("node_modules/"));
    expect(ours.length).toBeGreaterThan(50);
    const ignore = dockerignore();
    // Generated inside the image: the Prisma client (db:generate) and Next's route types (.next/types,
    // written by next build itself; present here only after a local build).
    const generated = (f: string) =>
      f.startsWith("lib/db/generated/") || f.startsWith(".next/") || f === "next-env.d.ts";
    const outside = ours.filter((f) => ignore(f) && !generated(f));
    expect(outside).toEqual([]);
    expect(ours.filter((f) => /^(e2e|tests|scripts)\//.test(f) || /\.test\.tsx?$/.test(f))).toEqual([]);
  });
});

/** A .dockerignore matcher good enough for our file (no `!` exceptions): path → ignored? */
function dockerignore(): (file: string) => boolean {
  const patterns = fs
    .readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  expect(patterns.some((p) => p.startsWith("!"))).toBe(false);
  const res = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*\*\//g, "(.*/)?")
          .replace(/\*/g, "[^/]*")}(/.*)?$`,
      ),
  );
  return (file) => res.some((re) => re.test(file));
}
