// Deleted entries are kept for a day so Undo can put them back exactly: the same id, times, notes,
// tags, billable flag, source and creation time. Only the person who deleted an entry can restore it.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { EntrySource } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZEntryIds, type TEntryIds } from "@/lib/validation/entries";
import type { Actor } from "./actor";
import { lockUnbilledEntries } from "./entry-lock";
import { isUniqueViolation } from "./prisma-errors";
import { setEntryTags } from "./tags";

type Tx = Prisma.TransactionClient;

/** How long Undo stays possible (the toast disappears long before). */
export const TRASH_KEEP_MS = 24 * 3600 * 1000;

interface TrashedEntry {
  userId: string;
  projectId: string | null;
  taskId: string | null;
  start: string;
  end: string | null;
  notes: string;
  billable: boolean;
  source: EntrySource;
  createdAt: string;
  tags: string[];
}

const trashSelect = {
  id: true,
  userId: true,
  projectId: true,
  taskId: true,
  start: true,
  end: true,
  notes: true,
  billable: true,
  source: true,
  createdAt: true,
  tags: { select: { tag: { select: { name: true } } } },
} as const satisfies Prisma.TimeEntrySelect;

/** Deletes the entries (ids already scoped to the actor) inside tx, keeping a copy for Undo. */
export async function trashEntries(tx: Tx, actor: Actor, ids: string[]): Promise<number> {
  // Entries on an invoice are locked (lib/services/entry-lock.ts): deleting one is refused, for a
  // single delete and a bulk delete alike, and nothing of the batch is trashed.
  await lockUnbilledEntries(tx, ids);
  const rows = await tx.timeEntry.findMany({ where: { id: { in: ids } }, select: trashSelect });
  await tx.deletedTimeEntry.deleteMany({ where: { deletedAt: { lt: new Date(Date.now() - TRASH_KEEP_MS) } } });
  // A second delete of a restored-then-deleted entry replaces its older copy.
  await tx.deletedTimeEntry.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  await tx.deletedTimeEntry.createMany({
    data: rows.map((r) => {
      const data: TrashedEntry = {
        userId: r.userId,
        projectId: r.projectId,
        taskId: r.taskId,
        start: r.start.toISOString(),
        end: r.end?.toISOString() ?? null,
        notes: r.notes,
        billable: r.billable,
        source: r.source,
        createdAt: r.createdAt.toISOString(),
        tags: r.tags.map((t) => t.tag.name),
      };
      return { id: r.id, deletedById: actor.id, data: data as unknown as Prisma.InputJsonValue };
    }),
  });
  const { count } = await tx.timeEntry.deleteMany({
    where: { id: { in: rows.map((r) => r.id) }, claim: { is: null } },
  });
  // An invoice claimed one of them since the check above: refuse the whole batch (the transaction rolls back).
  if (count !== rows.length)
    throw new AppError("CONFLICT", "Some of these entries were just billed on an invoice: nothing was deleted.");
  return count;
}

/** Undo: puts the actor's recently deleted entries back, all or none. */
export async function restoreEntries(actor: Actor, input: TEntryIds): Promise<{ restored: number }> {
  const { ids } = ZEntryIds.parse(input);
  const unique = [...new Set(ids)];
  const since = new Date(Date.now() - TRASH_KEEP_MS);
  const restored = await db()
    .$transaction(async (tx) => {
      const rows = await tx.deletedTimeEntry.findMany({
        where: { id: { in: unique }, deletedById: actor.id, deletedAt: { gte: since } },
      });
      if (rows.length !== unique.length) {
        throw new AppError("NOT_FOUND", "Those entries can no longer be restored.");
      }
      for (const row of rows) {
        const e = row.data as unknown as TrashedEntry;
        const project = e.projectId
          ? await tx.project.findUnique({ where: { id: e.projectId }, select: { id: true } })
          : null;
        if (e.projectId && !project) throw new AppError("CONFLICT", "The project of a deleted entry no longer exists.");
        const task = e.taskId ? await tx.task.findUnique({ where: { id: e.taskId }, select: { id: true } }) : null;
        await tx.timeEntry.create({
          data: {
            id: row.id,
            userId: e.userId,
            projectId: e.projectId,
            taskId: task?.id ?? null,
            start: new Date(e.start),
            end: e.end ? new Date(e.end) : null,
            notes: e.notes,
            billable: e.billable,
            source: e.source,
            createdAt: new Date(e.createdAt),
          },
        });
        await setEntryTags(row.id, e.tags, tx, e.userId);
      }
      await tx.deletedTimeEntry.deleteMany({ where: { id: { in: unique } } });
      return rows.length;
    })
    .catch((err: unknown) => {
      // A deleted running entry cannot come back while another timer runs (one running entry per user).
      if (isUniqueViolation(err)) {
        throw new AppError("CONFLICT", "Stop the running timer first, then undo again.");
      }
      throw err;
    });
  track("entry.restored", { num_entries: restored }, { userId: actor.id });
  return { restored };
}
