// Loads docker/compose*.yaml for the deployment tests, and merges files the way `docker compose -f a -f b` does
// (enough of it for our checks: services and volumes by name, later files win per key).
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

export const ROOT = path.resolve(__dirname, "../..");
export const DOCKER_DIR = path.join(ROOT, "docker");

export interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  profiles?: string[];
  restart?: string;
  command?: string[];
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  secrets?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
export interface ComposeFile {
  name?: string;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  secrets?: Record<string, { environment?: string; file?: string }>;
}

export function readYaml<T>(file: string): T {
  const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
  return doc.toJS() as T;
}

export const COMPOSE_FILES = ["compose.yaml", "compose.embedded.yaml", "compose.analytics.yaml"];
export const load = (name: string) => readYaml<ComposeFile>(path.join(DOCKER_DIR, name));

export function merge(...names: string[]): ComposeFile {
  const out: ComposeFile = { services: {}, volumes: {}, secrets: {} };
  for (const f of names.map(load)) {
    for (const [k, s] of Object.entries(f.services)) out.services[k] = { ...out.services[k], ...s };
    Object.assign(out.volumes!, f.volumes ?? {});
    Object.assign(out.secrets!, f.secrets ?? {});
  }
  return out;
}

/** "src:target[:ro]" → parts. */
export function parseMount(v: string): { source: string; target: string; readOnly: boolean } {
  const [source, target, mode] = v.split(":");
  return { source, target, readOnly: mode === "ro" };
}

/** "${VAR:-default}" and "${VAR:?message}" → VAR's default, or the literal. */
export function interpolateDefault(v: string): string {
  return v.replace(/\$\{(\w+)(?::-([^}]*)|:\?[^}]*)?\}/g, (_, _name: string, def?: string) => def ?? "");
}

export function interpolatedVariables(text: string): string[] {
  return [...new Set([...text.matchAll(/\$\{(\w+)/g)].map((m) => m[1]))];
}
