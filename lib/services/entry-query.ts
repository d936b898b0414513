// The REST API's time-entry list (and detailed report): ID-array filters, an instant range, billable,
// newest first with a keyset cursor over (start, id) so pages never skip or repeat a row while
// entries are added. Members see their own entries; admins anyone's (user_ids filters).
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZApiEntryQuery, type TApiEntryQuery } from "@/lib/validation/api";
import { isAdmin, type Actor } from "./actor";
import { entrySelect, toEntryDto, type EntryDto } from "./entry-dto";
import { decodeCursor, encodeCursor } from "./entry-filters";

export async function queryEntries(
  actor: Actor,
  input: TApiEntryQuery,
): Promise<{ data: EntryDto[]; nextCursor: string | null }> {
  const q = ZApiEntryQuery.parse(input);
  const others = (q.user_ids ?? []).filter((id) => id !== actor.id);
  if (others.length && !isAdmin(actor)) {
    throw new AppError("FORBIDDEN", "You can only list your own time entries.", {
      user_ids: ["You can only list your own time entries."],
    });
  }
  const c = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !c)
    throw new AppError("VALIDATION", "Not a cursor from this API.", { cursor: ["Not a cursor from this API."] });
  const where: Prisma.TimeEntryWhereInput = {
    ...(isAdmin(actor) ? (q.user_ids?.length ? { userId: { in: q.user_ids } } : {}) : { userId: actor.id }),
    ...(q.ids ? { id: { in: q.ids } } : {}),
    ...(q.project_ids ? { projectId: { in: q.project_ids } } : {}),
    ...(q.task_ids ? { taskId: { in: q.task_ids } } : {}),
    ...(q.client_ids ? { project: { clientId: { in: q.client_ids } } } : {}),
    ...(q.billable ? { billable: q.billable === "true" } : {}),
    ...(q.from || q.to
      ? { start: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } }
      : {}),
  };
  const rows = await db().timeEntry.findMany({
    where: c ? { AND: [where, { OR: [{ start: { lt: c.start } }, { start: c.start, id: { lt: c.id } }] }] } : where,
    orderBy: [{ start: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: entrySelect,
  });
  const page = rows.slice(0, q.limit).map((r) => toEntryDto(r));
  return { data: page, nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]) : null };
}
