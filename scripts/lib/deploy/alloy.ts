// Reads the parts of docker/alloy/config.alloy that must agree with what the app writes: the file it
// tails, the JSON fields it extracts, the timestamp field and format, and the labels it keeps.
// A small reader for our own file, not a general Alloy parser: it fails loudly if the shape changes.
import fs from "node:fs";
import path from "node:path";

export const ALLOY_CONFIG = path.resolve(__dirname, "../../../docker/alloy/config.alloy");

export interface AlloyLogPipeline {
  /** The tailed file, as seen inside the Alloy container. */
  path: string;
  /** Labels set on the file target (e.g. app). */
  staticLabels: Record<string, string>;
  /** extracted name → JSON field in the line. */
  jsonExpressions: Record<string, string>;
  timestamp: { source: string; format: string };
  /** label → extracted name. */
  labels: Record<string, string>;
  labelKeep: string[];
  lokiUrl: string;
}

function block(src: string, header: RegExp): string {
  const m = header.exec(src);
  if (!m) throw new Error(`config.alloy: no block matching ${header}`);
  let depth = 0;
  for (let i = m.index + m[0].length - 1; i < src.length; i++) {
    if (src[i] === "{") depth++;
    else if (src[i] === "}" && --depth === 0) return src.slice(m.index + m[0].length, i);
  }
  throw new Error(`config.alloy: unbalanced block ${header}`);
}

function pairs(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/"?([\w.]+)"?\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function attr(body: string, name: string): string {
  const m = new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(body);
  if (!m) throw new Error(`config.alloy: attribute ${name} not found`);
  return m[1];
}

export function readAlloyPipeline(file = ALLOY_CONFIG): AlloyLogPipeline {
  const src = fs.readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
  const targets = pairs(block(src, /local\.file_match\s+"\w+"\s*\{/));
  const { __path__: filePath, ...staticLabels } = targets;
  const proc = block(src, /loki\.process\s+"\w+"\s*\{/);
  const json = block(proc, /stage\.json\s*\{/);
  const ts = block(proc, /stage\.timestamp\s*\{/);
  const labels = block(proc, /stage\.labels\s*\{/);
  const keep = /stage\.label_keep\s*\{\s*values\s*=\s*\[([^\]]*)\]/.exec(proc);
  return {
    path: filePath,
    staticLabels,
    jsonExpressions: pairs(block(json, /expressions\s*=\s*\{/)),
    timestamp: { source: attr(ts, "source"), format: attr(ts, "format") },
    labels: pairs(block(labels, /values\s*=\s*\{/)),
    labelKeep: keep ? [...keep[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [],
    lokiUrl: attr(block(src, /loki\.write\s+"\w+"\s*\{/), "url"),
  };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];

/** What Alloy would make of one log line: the labels and timestamp, or the reasons it cannot. */
export function applyPipeline(
  p: AlloyLogPipeline,
  line: string,
): { problems: string[]; labels: Record<string, string>; time?: Date } {
  const problems: string[] = [];
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { problems: ["not JSON"], labels: {} };
  }
  const extracted: Record<string, string> = {};
  for (const [name, field] of Object.entries(p.jsonExpressions)) {
    const v = obj[field || name];
    if (typeof v !== "string") problems.push(`field "${field || name}" is missing or not a string`);
    else extracted[name] = v;
  }
  let time: Date | undefined;
  const rawTime = extracted[p.timestamp.source];
  if (p.timestamp.format !== "RFC3339" && p.timestamp.format !== "RFC3339Nano")
    problems.push(`timestamp format ${p.timestamp.format} is not RFC3339`);
  if (rawTime === undefined) problems.push(`timestamp source "${p.timestamp.source}" is not extracted`);
  else if (!RFC3339.test(rawTime)) problems.push(`time "${rawTime}" is not RFC 3339`);
  else time = new Date(rawTime);
  const labels: Record<string, string> = { ...p.staticLabels };
  for (const [label, from] of Object.entries(p.labels)) {
    if (extracted[from || label] !== undefined) labels[label] = extracted[from || label];
  }
  if (labels.level !== undefined && !LOG_LEVELS.includes(labels.level))
    problems.push(`level "${labels.level}" is not a text level`);
  for (const k of Object.keys(labels)) if (p.labelKeep.length && !p.labelKeep.includes(k)) delete labels[k];
  return { problems, labels, time };
}
