// Query strings of the REST API's list routes: ID-array filters (repeated `ids=…&ids=…` or
// comma-separated), RFC 3339 instants, cursor pagination. Shared by the routes, the services and
// the OpenAPI document.
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `a,b` or ["a","b"] or ["a,b","c"] → uuids; at most 500. */
export const ZIdArray = z.preprocess(
  (v) =>
    v === undefined
      ? undefined
      : // Only strings are split; anything else goes on to the schema, which refuses it (no String() of
        // an object without a prototype, which throws).
        (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(",") : [x])).filter(Boolean),
  z.array(z.string().regex(UUID, "Use item ids (UUIDs).")).max(500, "At most 500 ids.").optional(),
);

export const ZInstant = z.iso.datetime({ offset: true, message: "Use an RFC 3339 time such as 2026-01-05T09:00:00Z." });

export const ZLimit = z.coerce
  .number({ message: "A limit is a whole number from 1 to 500." })
  .int("A limit is a whole number from 1 to 500.")
  .min(1, "A limit is a whole number from 1 to 500.")
  .max(500, "A limit is a whole number from 1 to 500.")
  .default(100);

export const ZCursor = z.string().max(200, "Not a cursor from this API.").optional();

export const ZBoolParam = z.enum(["true", "false"], { message: "Use true or false." }).optional();

export const ZApiEntryQuery = z.strictObject({
  ids: ZIdArray,
  project_ids: ZIdArray,
  task_ids: ZIdArray,
  client_ids: ZIdArray,
  user_ids: ZIdArray,
  /** Entries that start at or after this instant. */
  from: ZInstant.optional(),
  /** Entries that start before this instant. */
  to: ZInstant.optional(),
  billable: ZBoolParam,
  cursor: ZCursor,
  limit: ZLimit,
});
export type TApiEntryQuery = z.input<typeof ZApiEntryQuery>;

export const ZCatalogQuery = z.strictObject({
  ids: ZIdArray,
  /** false (default): active only; true: archived only; all: both. */
  archived: z.enum(["true", "false", "all"], { message: "Use true, false or all." }).default("false"),
  client_ids: ZIdArray,
  project_ids: ZIdArray,
  cursor: ZCursor,
  limit: ZLimit,
});
export type TCatalogQuery = z.output<typeof ZCatalogQuery>;

export const ZApiExpenseQuery = z.strictObject({
  ids: ZIdArray,
  project_ids: ZIdArray,
  /** On or after this day. */
  from: z.iso.date({ message: "Use a day such as 2026-01-05." }).optional(),
  /** On or before this day. */
  to: z.iso.date({ message: "Use a day such as 2026-01-05." }).optional(),
  cursor: ZCursor,
  limit: ZLimit,
});

export const ZApiInvoiceQuery = z.strictObject({
  ids: ZIdArray,
  status: z
    .enum(["draft", "issued", "partly_paid", "paid", "cancelled", "overdue"], {
      message: "Use draft, issued, partly_paid, paid, cancelled or overdue.",
    })
    .optional(),
  client_ids: ZIdArray,
  /** Issued on or after this day. */
  from: z.iso.date({ message: "Use a day such as 2026-01-05." }).optional(),
  /** Issued on or before this day. */
  to: z.iso.date({ message: "Use a day such as 2026-01-05." }).optional(),
  cursor: ZCursor,
  limit: ZLimit,
});
export type TApiInvoiceQuery = z.output<typeof ZApiInvoiceQuery>;

/** A URL's query string as an object: a key given twice becomes an array. */
export function queryObject(url: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url).searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
