// Reads metric names out of PromQL expressions and metric families out of Prometheus' text format,
// so dashboards can be checked against what the app really exposes.

const KEYWORDS = new Set([
  "and",
  "or",
  "unless",
  "by",
  "without",
  "on",
  "ignoring",
  "group_left",
  "group_right",
  "offset",
  "bool",
  "atan2",
  "sum",
  "min",
  "max",
  "avg",
  "group",
  "stddev",
  "stdvar",
  "count",
  "count_values",
  "bottomk",
  "topk",
  "quantile",
  "limitk",
  "limit_ratio",
  "inf",
  "nan",
]);

/** Metric names referenced by a PromQL expression (Grafana variables such as $__rate_interval ignored). */
export function metricNamesInPromQL(expr: string): string[] {
  const cleaned = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""') // string literals
    .replace(/\{[^}]*\}/g, " ") // label matchers
    .replace(/\[[^\]]*\]/g, " ") // ranges and subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ") // label lists
    .replace(/\$\{[^}]*\}|\$\w+/g, " "); // Grafana variables
  const names = new Set<string>();
  const re = /(?<![\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(\s*\()?/g;
  for (const m of cleaned.matchAll(re)) {
    const [, name, call] = m;
    if (call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

export interface Exposition {
  /** Family name → type, from the # TYPE lines. */
  families: Map<string, string>;
  /** Every sample name that has at least one value. */
  samples: Set<string>;
}

export function parseExposition(text: string): Exposition {
  const families = new Map<string, string>();
  const samples = new Set<string>();
  for (const line of text.split("\n")) {
    const type = /^#\s*TYPE\s+(\S+)\s+(\S+)/.exec(line);
    if (type) families.set(type[1], type[2]);
    else if (line && !line.startsWith("#")) samples.add(line.split(/[{\s]/, 1)[0]);
  }
  return { families, samples };
}

/** Whether a name used in PromQL is exposed: a family, a histogram/summary series, or a sample. */
export function isExposed(name: string, expo: Exposition): boolean {
  if (expo.families.has(name) || expo.samples.has(name)) return true;
  const m = /^(.*)_(bucket|sum|count)$/.exec(name);
  if (!m) return false;
  const type = expo.families.get(m[1]);
  if (m[2] === "bucket") return type === "histogram";
  return type === "histogram" || type === "summary";
}
