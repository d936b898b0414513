// FormData → a plain object for the zod schemas (repeated keys become arrays).
export function formObject(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function formId(form: FormData, key = "id"): string {
  return String(form.get(key) ?? "");
}
