// Tags as a catalog for the REST API: create, rename (any member, like clients) and delete (admins:
// it removes the tag from everyone's entries). Entries create tags on first use (lib/services/tags.ts).
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ZId } from "@/lib/validation/common";
import { assertAdmin, type Actor } from "./actor";
import { withUniqueName } from "./catalog";

export const ZTag = z.object({ name: z.string().trim().min(1, "Enter a tag.").max(50, "At most 50 characters.") });
export const ZTagUpdate = ZTag.extend({ id: ZId });

export interface TagDto {
  id: string;
  name: string;
  createdAt: Date;
}
const select = { id: true, name: true, createdAt: true } as const;
const DUPLICATE = "A tag with that name already exists.";

export async function getTag(_actor: Actor, id: string): Promise<TagDto> {
  const row = await db().tag.findUnique({ where: { id: ZId.parse(id) }, select });
  if (!row) throw new AppError("NOT_FOUND", "That tag does not exist.");
  return row;
}

export async function listTagCatalog(_actor: Actor): Promise<TagDto[]> {
  return db().tag.findMany({ orderBy: { name: "asc" }, select, take: 5000 });
}

export async function createTag(_actor: Actor, input: z.input<typeof ZTag>): Promise<TagDto> {
  const data = ZTag.parse(input);
  return withUniqueName(DUPLICATE, () => db().tag.create({ data, select }));
}

export async function renameTag(actor: Actor, input: z.input<typeof ZTagUpdate>): Promise<TagDto> {
  const { id, name } = ZTagUpdate.parse(input);
  await getTag(actor, id);
  return withUniqueName(DUPLICATE, () => db().tag.update({ where: { id }, data: { name }, select }));
}

export async function deleteTag(actor: Actor, input: { id: string }): Promise<void> {
  assertAdmin(actor, "delete tags");
  const { id } = z.object({ id: ZId }).parse(input);
  await getTag(actor, id);
  await db().tag.delete({ where: { id } });
}
