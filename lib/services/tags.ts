// Tags: a shared vocabulary, created on first use and linked to entries through time_entry_tags.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "./actor";

type Tx = Prisma.TransactionClient;

/** The whole vocabulary, for filter forms: shared by every member. */
export async function listTags(_actor: Actor): Promise<{ id: string; name: string }[]> {
  return db().tag.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 });
}

/** Ids for the given names, creating missing tags (case kept as first typed). */
export async function ensureTagIds(names: string[], tx: Tx = db()): Promise<string[]> {
  if (!names.length) return [];
  await tx.tag.createMany({ data: names.map((name) => ({ name })), skipDuplicates: true });
  const rows = await tx.tag.findMany({ where: { name: { in: names } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Replaces an entry's tags. */
export async function setEntryTags(entryId: string, names: string[], tx: Tx = db()): Promise<void> {
  const ids = await ensureTagIds(names, tx);
  await tx.timeEntryTag.deleteMany({ where: { entryId } });
  if (ids.length) await tx.timeEntryTag.createMany({ data: ids.map((tagId) => ({ entryId, tagId })) });
}
