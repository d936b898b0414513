"use server";
// Saved report views: save the current filters under a name, rename, delete (the page offers Undo,
// which saves the returned view again). The service keeps every view private to its owner.
import { defineAction } from "@/lib/action";
import { deleteReportView, renameReportView, saveReportView } from "@/lib/services/report-views";
import { ZById } from "@/lib/validation/common";
import { ZRenameReportView, ZSaveReportView } from "@/lib/validation/report-views";

export const saveReportViewAction = defineAction({
  name: "reports.save_view",
  access: "user",
  from: "object",
  input: ZSaveReportView,
  run: (actor, input) => saveReportView(actor, input),
  revalidate: ["/reports"],
});

export const renameReportViewAction = defineAction({
  name: "reports.rename_view",
  access: "user",
  from: "object",
  input: ZRenameReportView,
  run: (actor, input) => renameReportView(actor, input),
  revalidate: ["/reports"],
});

export const deleteReportViewAction = defineAction({
  name: "reports.delete_view",
  access: "user",
  from: "object",
  input: ZById,
  run: (actor, input) => deleteReportView(actor, input),
  revalidate: ["/reports"],
});
