// Helpers the REST API's resource routes share: cursor pages over a catalog list (stable order by
// id), PATCH bodies merged over the current values (unknown fields refused), ids from the path.
import "server-only";
import { AppError } from "@/lib/errors";
import { ZId } from "@/lib/validation/common";
import type { TCatalogQuery } from "@/lib/validation/api";

export type IdCtx = { params: Promise<{ id: string }> };

export async function pathId(ctx: IdCtx): Promise<string> {
  return ZId.parse((await ctx.params).id);
}

/** One page of a catalog list, ordered by id; the cursor is the last id of the previous page. */
export function pageOf<T extends { id: string }>(rows: T[], q: Pick<TCatalogQuery, "cursor" | "limit" | "ids">) {
  if (q.cursor !== undefined && !ZId.safeParse(q.cursor).success) {
    throw new AppError("VALIDATION", "Not a cursor from this API.", { cursor: ["Not a cursor from this API."] });
  }
  const wanted = q.ids ? new Set(q.ids) : null;
  const sorted = rows
    .filter((r) => !wanted || wanted.has(r.id))
    .filter((r) => q.cursor === undefined || r.id > q.cursor)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const data = sorted.slice(0, q.limit);
  return { data, nextCursor: sorted.length > q.limit ? data[data.length - 1].id : null };
}

/** `archived` query → the flag each row must have (undefined: both). */
export function archivedFilter(q: Pick<TCatalogQuery, "archived">): boolean | undefined {
  return q.archived === "all" ? undefined : q.archived === "true";
}

/** A PATCH body laid over the current values: only `keys` may be sent, the rest keep their values. */
export function mergePatch<C extends Record<string, unknown>>(
  current: C,
  body: unknown,
  keys: readonly (keyof C & string)[],
): C {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("VALIDATION", "Send a JSON object with the fields to change.", {
      body: ["Send a JSON object with the fields to change."],
    });
  }
  const unknown = Object.keys(body).filter((k) => !(keys as string[]).includes(k));
  if (unknown.length) {
    const fieldErrors = Object.fromEntries(unknown.map((k) => [k.slice(0, 60), ["Unknown field."]]));
    throw new AppError("VALIDATION", `Unknown field: ${unknown[0].slice(0, 60)}.`, fieldErrors);
  }
  return { ...current, ...(body as Partial<C>) };
}

/** A create body: a JSON object (the service's schema checks its fields). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("VALIDATION", "Send a JSON object.", { body: ["Send a JSON object."] });
  }
  return body as Record<string, unknown>;
}
