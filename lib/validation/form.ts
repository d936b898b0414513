// Reading a form action's FormData. Server actions are public endpoints: a crafted client can send
// any serialisable value (a string, a plain object, a Map) where the form should be, so every read
// goes through asFormData(), which answers VALIDATION instead of a TypeError (→ INTERNAL).
// Actions authenticate first and read the form after, so an anonymous caller still gets
// UNAUTHENTICATED whatever it sends.
import { AppError } from "@/lib/errors";

export const NOT_A_FORM = "This request did not carry the form's fields. Reload the page and try again.";

/** The form itself, or VALIDATION when the argument is not a FormData. */
export function asFormData(form: unknown): FormData {
  if (form instanceof FormData) return form;
  throw new AppError("VALIDATION", NOT_A_FORM);
}

/** FormData → a plain object for the zod schemas (repeated keys become arrays, files are dropped). */
export function formObject(form: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of asFormData(form).entries()) {
    if (typeof v !== "string") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** One field as a string ("" when absent). */
export function formField(form: unknown, key: string): string {
  return String(asFormData(form).get(key) ?? "");
}

/** One field as sent (a string or a File), undefined when absent: for zod schemas that check the type. */
export function formValue(form: unknown, key: string): FormDataEntryValue | undefined {
  return asFormData(form).get(key) ?? undefined;
}

export function formId(form: unknown, key = "id"): string {
  return formField(form, key);
}
