// Tags: a vocabulary created on first use and linked to entries through time_entry_tags. Members see
// only the tags they created or used on their own entries (not every tag a colleague typed); they
// may rename, merge or delete a tag they created while nobody else's entry uses it. Admins see and
// manage every tag.
import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import { ZMergeTags, ZRenameTag, type TMergeTags, type TRenameTag } from "@/lib/validation/tags";
import { isAdmin, type Actor } from "./actor";
import { isUniqueViolation } from "./prisma-errors";

type Tx = Prisma.TransactionClient;

/** The tags an actor may see: all for admins; for members, their own or used on their entries. */
function visibleTags(actor: Actor): Prisma.TagWhereInput {
  if (isAdmin(actor)) return {};
  return { OR: [{ createdById: actor.id }, { entries: { some: { entry: { userId: actor.id } } } }] };
}

/** The tags for filter forms and pickers. */
export async function listTags(actor: Actor): Promise<{ id: string; name: string }[]> {
  return db().tag.findMany({
    where: visibleTags(actor),
    orderBy: { name: "asc" },
    select: { id: true, name: true },
    take: 500,
  });
}

export interface TagUsage {
  id: string;
  name: string;
  /** Entries carrying it: the member's own, or everyone's for an admin. */
  entries: number;
  /** Entries of other people (members cannot change a tag others use). */
  othersEntries: number;
  canManage: boolean;
}

/** The tags page: every visible tag with its usage and whether the actor may change it. */
export async function listTagUsage(actor: Actor): Promise<TagUsage[]> {
  const tags = await db().tag.findMany({
    where: visibleTags(actor),
    orderBy: { name: "asc" },
    select: { id: true, name: true, createdById: true },
    take: 1000,
  });
  if (!tags.length) return [];
  const links = await db().timeEntryTag.findMany({
    where: { tagId: { in: tags.map((t) => t.id) } },
    select: { tagId: true, entry: { select: { userId: true } } },
  });
  return tags.map((t) => {
    const mine = links.filter((l) => l.tagId === t.id);
    const own = mine.filter((l) => l.entry.userId === actor.id).length;
    const others = mine.length - own;
    return {
      id: t.id,
      name: t.name,
      entries: isAdmin(actor) ? mine.length : own,
      othersEntries: others,
      canManage: isAdmin(actor) || (t.createdById === actor.id && others === 0),
    };
  });
}

/** A tag the actor may change; someone else's tag looks missing, a shared one is refused. */
async function manageableTag(actor: Actor, id: string, tx: Tx = db()): Promise<{ id: string; name: string }> {
  const tag = await tx.tag.findFirst({
    where: { id, ...visibleTags(actor) },
    select: { id: true, name: true, createdById: true },
  });
  if (!tag) throw new AppError("NOT_FOUND", "That tag does not exist.");
  if (isAdmin(actor)) return tag;
  const others = await tx.timeEntryTag.count({ where: { tagId: id, entry: { userId: { not: actor.id } } } });
  if (tag.createdById !== actor.id || others > 0) {
    throw new AppError("FORBIDDEN", "Other people use this tag: ask an administrator to change it.");
  }
  return tag;
}

export async function renameTag(actor: Actor, input: TRenameTag): Promise<void> {
  const { id, name } = ZRenameTag.parse(input);
  await manageableTag(actor, id);
  try {
    await db().tag.update({ where: { id }, data: { name } });
  } catch (err) {
    if (isUniqueViolation(err)) {
      const message = "A tag with that name exists already: merge into it instead.";
      throw new AppError("VALIDATION", message, { name: [message] });
    }
    throw err;
  }
  track("tag.renamed", { tag_id: id }, { userId: actor.id });
}

/** Moves every use of one tag to another, then removes the first. */
export async function mergeTags(actor: Actor, input: TMergeTags): Promise<{ moved: number }> {
  const { id, intoId } = ZMergeTags.parse(input);
  if (id === intoId)
    throw new AppError("VALIDATION", "Choose another tag to merge into.", { intoId: ["Choose another tag."] });
  const moved = await db().$transaction(async (tx) => {
    await manageableTag(actor, id, tx);
    const into = await tx.tag.findFirst({ where: { id: intoId, ...visibleTags(actor) }, select: { id: true } });
    if (!into)
      throw new AppError("VALIDATION", "Choose a tag to merge into.", { intoId: ["Choose a tag to merge into."] });
    const links = await tx.timeEntryTag.findMany({ where: { tagId: id }, select: { entryId: true } });
    await tx.timeEntryTag.createMany({
      data: links.map((l) => ({ entryId: l.entryId, tagId: intoId })),
      skipDuplicates: true,
    });
    await tx.tag.delete({ where: { id } });
    return links.length;
  });
  track("tag.merged", { tag_id: id, into_tag_id: intoId, num_entries: moved }, { userId: actor.id });
  return { moved };
}

/** Removes a tag from every entry that carries it (the entries stay). */
export async function deleteTag(actor: Actor, input: TById): Promise<void> {
  const { id } = ZById.parse(input);
  await manageableTag(actor, id);
  await db().tag.delete({ where: { id } });
  track("tag.deleted", { tag_id: id }, { userId: actor.id });
}

/** Ids for the given names, creating missing tags (case kept as first typed) as createdById's. */
export async function ensureTagIds(
  names: string[],
  tx: Tx = db(),
  createdById: string | null = null,
): Promise<string[]> {
  if (!names.length) return [];
  await tx.tag.createMany({ data: names.map((name) => ({ name, createdById })), skipDuplicates: true });
  const rows = await tx.tag.findMany({ where: { name: { in: names } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Replaces an entry's tags; new tags are recorded as created by `createdById` (the entry's owner). */
export async function setEntryTags(
  entryId: string,
  names: string[],
  tx: Tx = db(),
  createdById: string | null = null,
): Promise<void> {
  const ids = await ensureTagIds(names, tx, createdById);
  await tx.timeEntryTag.deleteMany({ where: { entryId } });
  if (ids.length) await tx.timeEntryTag.createMany({ data: ids.map((tagId) => ({ entryId, tagId })) });
}
