"use server";
// The command palette's data: clients, projects and open tasks to jump to or track on.
import { defineAction, ZNoInput } from "@/lib/action";
import { listPaletteItems } from "@/lib/services/palette";

export const loadPaletteAction = defineAction({
  name: "palette.load",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: (actor) => listPaletteItems(actor),
});
