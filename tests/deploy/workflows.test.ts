// GitHub Actions files: valid YAML, `needs` only names jobs that exist, `npm run` only calls scripts
// package.json defines, actions pinned, least-privilege permissions, and the triggers the issue asks for.
import fs from "node:fs";
import path from "node:path";
import { readYaml, ROOT } from "./compose-files";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  services?: Record<string, { image: string }>;
  container?: { image: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = path.join(ROOT, ".github/workflows");
const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const workflows = Object.fromEntries(files.map((f) => [f, readYaml<Workflow>(path.join(DIR, f))]));
const scripts = (
  JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;

/** Problems in one workflow: unknown needs, missing npm scripts, unpinned actions. */
export function workflowProblems(wf: Workflow, npmScripts: Record<string, string>): string[] {
  const problems: string[] = [];
  if (!wf.jobs || typeof wf.jobs !== "object") return ["no jobs"];
  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const need of [job.needs ?? []].flat())
      if (!(need in wf.jobs)) problems.push(`${id}: needs unknown job "${need}"`);
    for (const step of job.steps ?? []) {
      for (const m of (step.run ?? "").matchAll(/\bnpm run(?:\s+--?[\w-]+)*\s+([\w:.-]+)/g)) {
        if (!(m[1] in npmScripts)) problems.push(`${id}: npm run ${m[1]}: no such script in package.json`);
      }
      if (step.uses && !step.uses.startsWith("./") && !/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(step.uses))
        problems.push(`${id}: ${step.uses} is not pinned to a major version or SHA`);
    }
  }
  return problems;
}

describe("GitHub workflows", () => {
  test("there are ci.yml and docker.yml, and each parses", () => {
    expect(files.sort()).toEqual(expect.arrayContaining(["ci.yml", "docker.yml"]));
  });

  test.each(files)("%s: needs, npm scripts and action pins are all valid", (f) => {
    expect(workflowProblems(workflows[f], scripts)).toEqual([]);
  });

  test.each(files)("%s: every ${{ expression }} is closed", (f) => {
    // Each "${{" must close with "}}" before the next one opens ({{version}} alone is metadata-action's).
    const text = fs.readFileSync(path.join(DIR, f), "utf8");
    const unclosed = text
      .split("${{")
      .slice(1)
      .filter((part) => !/^[^$]*?\}\}/.test(part));
    expect(unclosed).toEqual([]);
  });

  test.each(files)("%s: declares least-privilege permissions at the top", (f) => {
    expect(workflows[f].permissions).toEqual({ contents: "read" });
  });

  test("the checker catches unknown needs, missing scripts and unpinned actions", () => {
    const bad: Workflow = {
      name: "x",
      on: {},
      jobs: { a: { needs: ["nope"], steps: [{ run: "npm run does-not-exist" }, { uses: "actions/checkout@main" }] } },
    };
    expect(workflowProblems(bad, scripts)).toEqual([
      'a: needs unknown job "nope"',
      "a: npm run does-not-exist: no such script in package.json",
      "a: actions/checkout@main is not pinned to a major version or SHA",
    ]);
  });

  test("ci.yml: pull requests and pushes; lint, formatting, typecheck, unit, PostgreSQL integration, build, smoke, e2e", () => {
    const ci = workflows["ci.yml"];
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    const runs = Object.values(ci.jobs)
      .flatMap((j) => j.steps.map((s) => s.run ?? ""))
      .join("\n");
    for (const cmd of [
      "npm run lint",
      "npm run format:check",
      "npm run typecheck",
      "npm test",
      "npm run test:pg",
      "npm run build",
      "npm run test:smoke",
      "npm run test:e2e",
      "npm run check:dashboards",
      "npm run check:logs",
    ]) {
      expect(runs).toContain(cmd);
    }
    expect(runs).not.toMatch(/playwright install/);
    expect(runs).toMatch(/apt-get install[^\n]*chromium/);
    const pgJob = Object.values(ci.jobs).find((j) => j.steps.some((s) => s.run?.includes("npm run test:pg")))!;
    expect(pgJob.services?.postgres.image).toMatch(/^postgres:\d+/);
    expect((pgJob as unknown as { env: Record<string, string> }).env.TEST_DATABASE_URL).toMatch(/^postgresql:\/\//);
    const nodeSetups = Object.values(ci.jobs)
      .flatMap((j) => j.steps)
      .filter((s) => s.uses?.startsWith("actions/setup-node"));
    for (const s of nodeSetups) expect(s.with?.cache).toBe("npm");
  });

  test("docker.yml: multi-arch Buildx, GHCR pushes on main and version tags, PRs build only", () => {
    const d = workflows["docker.yml"];
    expect(d.on).toMatchObject({ push: { branches: ["main"], tags: ["v*.*.*"] } });
    expect(d.on).toHaveProperty("pull_request");
    const steps = Object.values(d.jobs).flatMap((j) => j.steps);
    const builds = steps.filter((s) => s.uses?.startsWith("docker/build-push-action"));
    const build = builds.find((s) => String(s.with?.platforms).includes("arm64"))!;
    expect(build.with).toMatchObject({
      file: "docker/Dockerfile",
      platforms: "linux/amd64,linux/arm64",
      push: "${{ github.event_name != 'pull_request' }}",
    });
    const tags = String(steps.find((s) => s.uses?.startsWith("docker/metadata-action"))!.with?.tags);
    expect(tags).toContain("type=edge,branch=main");
    expect(tags).toContain("type=sha,prefix=sha-,format=short");
    expect(tags).toContain("type=semver,pattern={{version}}");
    const login = steps.find((s) => s.uses?.startsWith("docker/login-action"))!;
    expect(login.with?.registry).toBe("ghcr.io");
    expect(Object.values(d.jobs)[0].permissions).toEqual({ contents: "read", packages: "write" });
    // The amd64 image is loaded and smoke-tested (the same test .ci/run runs) before the push step.
    const smokeBuild = builds.find((s) => s.with?.platforms === "linux/amd64")!;
    expect(smokeBuild.with).toMatchObject({ file: "docker/Dockerfile", load: true, tags: "timetracker:smoke" });
    const smoke = steps.findIndex((s) => String(s.run ?? "").includes("npm run test:image -- --engine docker"));
    expect(smoke).toBeGreaterThan(steps.indexOf(smokeBuild));
    expect(smoke).toBeLessThan(steps.indexOf(build));
  });

  test("dependabot covers npm, GitHub Actions and Docker", () => {
    const dep = readYaml<{ version: number; updates: { "package-ecosystem": string; directory: string }[] }>(
      path.join(ROOT, ".github/dependabot.yml"),
    );
    expect(dep.version).toBe(2);
    expect(dep.updates.map((u) => u["package-ecosystem"])).toEqual(
      expect.arrayContaining(["npm", "github-actions", "docker"]),
    );
    const docker = dep.updates.find((u) => u["package-ecosystem"] === "docker")!;
    expect(fs.existsSync(path.join(ROOT, docker.directory, "Dockerfile"))).toBe(true);
  });
});
