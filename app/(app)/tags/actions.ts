"use server";
// Tags page: rename, merge into another tag, delete. The service decides who may change which tag.
import { defineAction, type Revalidation } from "@/lib/action";
import { deleteTag, mergeTags, renameTag } from "@/lib/services/tags";
import { ZById } from "@/lib/validation/common";
import { ZMergeTags, ZRenameTag } from "@/lib/validation/tags";

// Tags show on entries, filters and reports everywhere.
const everything: Revalidation[] = [["/", "layout"]];

export const renameTagAction = defineAction({
  name: "tags.rename",
  access: "user",
  from: "form",
  input: ZRenameTag,
  run: (actor, input) => renameTag(actor, input),
  revalidate: everything,
});

export const mergeTagsAction = defineAction({
  name: "tags.merge",
  access: "user",
  from: "form",
  input: ZMergeTags,
  run: (actor, input) => mergeTags(actor, input),
  revalidate: everything,
});

export const deleteTagAction = defineAction({
  name: "tags.delete",
  access: "user",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteTag(actor, input),
  revalidate: everything,
});
