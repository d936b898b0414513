// Label names in LogQL stream selectors and the fields a query filters on after `| json`.

/** Label names used in the stream selectors ({app="…", level=~"…"}) of a LogQL query. */
export function streamLabels(expr: string): string[] {
  const out = new Set<string>();
  for (const sel of expr.matchAll(/\{([^}]*)\}/g)) {
    for (const m of sel[1].matchAll(/(\w+)\s*(=~|!~|!=|=)/g)) out.add(m[1]);
  }
  return [...out];
}

/** Fields compared after a `| json` parser stage, e.g. `| json | request_id = "…"`. */
export function jsonFieldFilters(expr: string): string[] {
  const at = expr.search(/\|\s*json\b/);
  if (at < 0) return [];
  const rest = expr.slice(at).replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return [...rest.matchAll(/\|\s*(\w+)\s*(=~|!~|!=|==|=|>|<)/g)].map((m) => m[1]);
}
