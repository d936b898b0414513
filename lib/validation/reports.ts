// Report and entry-list filters, shared by the pages, the CSV export and the services.
import { z } from "zod";
import { ZOptionalDateKey, zOptionalIdOf } from "./common";

export const GROUP_BY = ["client", "project", "task", "user", "tag", "day", "week", "month"] as const;
export type TGroupBy = (typeof GROUP_BY)[number];

// A tag name from a query string: PostgreSQL refuses a NUL byte in text (→ a 500), so control
// characters are refused here with a message, like an over-long name.
const optionalText = z.preprocess(
  (v) => (v === "" || v == null ? undefined : v),
  z
    .string()
    .trim()
    .max(40, "At most 40 characters.")
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Choose a tag from the list.")
    .optional(),
);

export const ZEntryFilters = z.object({
  from: ZOptionalDateKey.default(null),
  to: ZOptionalDateKey.default(null),
  clientId: zOptionalIdOf("a client").default(null),
  projectId: zOptionalIdOf("a project").default(null),
  taskId: zOptionalIdOf("a task").default(null),
  userId: zOptionalIdOf("a person").default(null),
  tag: optionalText,
  billable: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.enum(["yes", "no"]).optional()),
});
export type TEntryFilters = z.output<typeof ZEntryFilters>;

export const ZSummaryQuery = ZEntryFilters.extend({
  group1: z.enum(GROUP_BY).default("project"),
  group2: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.enum(GROUP_BY).optional()),
});
export type TSummaryQuery = z.output<typeof ZSummaryQuery>;

/** URLSearchParams / Next searchParams → a plain object for the schemas above. */
export function paramsToObject(
  sp: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (sp instanceof URLSearchParams) sp.forEach((v, k) => (out[k] = v));
  else for (const [k, v] of Object.entries(sp)) if (v !== undefined) out[k] = Array.isArray(v) ? v[0] : v;
  return out;
}
