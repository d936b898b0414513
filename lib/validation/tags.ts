// The tags page's forms: rename, merge.
import { z } from "zod";
import { ZId } from "./common";

export const ZTagName = z
  .string({ message: "Enter a tag name." })
  .trim()
  .min(1, "Enter a tag name.")
  .max(40, "A tag has at most 40 characters.")
  .refine((s) => !s.includes(","), "A tag cannot contain a comma (commas separate tags).")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Use letters, digits and punctuation only.");

export const ZRenameTag = z.object({ id: ZId, name: ZTagName });
export type TRenameTag = z.input<typeof ZRenameTag>;

export const ZMergeTags = z.object({
  id: ZId,
  intoId: z.uuid({ message: "Choose the tag to merge into." }),
});
export type TMergeTags = z.input<typeof ZMergeTags>;
