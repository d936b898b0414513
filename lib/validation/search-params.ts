// Page query strings (Next's searchParams) → typed values, through the same zod schemas as the
// forms and the JSON API. A page never fails on its URL: each field that does not parse keeps its
// default and comes back with its message, which the page shows next to its filters.
import { z } from "zod";
import { isInstantInRange } from "@/lib/time/range";
import { ZOptionalDateKey, zOptionalIdOf } from "./common";
import { paramsToObject, ZEntryFilters, ZSummaryQuery } from "./reports";

export type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

export interface ParsedQuery<T> {
  data: T;
  /** field → messages, for the fields that were refused (their defaults were used instead). */
  fieldErrors: Record<string, string[]>;
}

/** Parses `sp` with `schema`; refused fields fall back to `defaults[field]` (or the schema's default). */
export function parsePageQuery<S extends z.ZodObject>(
  schema: S,
  sp: SearchParams,
  defaults: Record<string, string> = {},
): ParsedQuery<z.output<S>> {
  const input: Record<string, string> = { ...defaults, ...paramsToObject(sp) };
  const fieldErrors: Record<string, string[]> = {};
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = schema.safeParse(input);
    if (r.success) return { data: r.data, fieldErrors };
    for (const issue of r.error.issues) {
      const key = String(issue.path[0] ?? "");
      (fieldErrors[key] ??= []).push(issue.message);
      if (key in defaults && input[key] !== defaults[key]) input[key] = defaults[key];
      else delete input[key];
    }
  }
  // Cannot happen with the schemas below (every field has a default); kept total all the same.
  return { data: schema.parse({}), fieldErrors };
}

const CURSOR_MESSAGE = "This page link is not valid any more: showing the newest entries.";

/** The list's keyset cursor: base64url of "<ISO instant>|<uuid>" (lib/services/entry-filters.ts). */
function isCursor(c: string): boolean {
  if (c.length > 200 || !/^[A-Za-z0-9_-]+$/.test(c)) return false;
  let text: string;
  try {
    text = atob(c.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return false;
  }
  const [iso, id, ...rest] = text.split("|");
  return (
    rest.length === 0 &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso ?? "") &&
    isInstantInRange(new Date(iso)) &&
    z.uuid().safeParse(id).success
  );
}
export const ZOptionalCursor = z.preprocess(
  (v) => (v === "" || v == null ? null : v),
  z.string({ message: CURSOR_MESSAGE }).refine(isCursor, CURSOR_MESSAGE).nullable(),
);

/** /entries: the week shown, the list's filters and page. */
export const ZEntriesPageQuery = ZEntryFilters.extend({
  week: ZOptionalDateKey.default(null),
  cursor: ZOptionalCursor.default(null),
  saved: z.string().max(10).optional().catch(undefined),
  overlap: z.string().max(10).optional().catch(undefined),
});

/** /reports: the summary's grouping or the detailed list's page, under the shared filters. */
export const ZReportsPageQuery = ZSummaryQuery.extend({
  type: z.enum(["summary", "detailed"]).catch("summary"),
  cursor: ZOptionalCursor.default(null),
});

/** /tasks: board or list, a quick filter, one project. */
export const ZTasksPageQuery = z.object({
  view: z.enum(["board", "list"]).catch("board"),
  filter: z.enum(["all", "mine", "overdue"]).catch("all"),
  projectId: zOptionalIdOf("a project").default(null),
});
