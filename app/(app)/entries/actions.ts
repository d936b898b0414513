"use server";
// Time entries: manual and bulk entry, edit, duplicate, delete, and the week grid's typed hours.
// The services scope every change to the signed-in user's own entries (admins: anyone's).
import { defineAction, type Revalidation } from "@/lib/action";
import { createBulkEntries, createManualEntry, deleteEntry, duplicateEntry, updateEntry } from "@/lib/services/entries";
import { ZById } from "@/lib/validation/common";
import { ZBulkEntry, ZEntryUpdate, ZManualEntry } from "@/lib/validation/entries";

// Entries feed the header timer, the dashboard, the week and the reports.
const everything: Revalidation[] = [["/", "layout"]];

export const createEntryAction = defineAction({
  name: "entries.create",
  access: "user",
  from: "form",
  input: ZManualEntry,
  checkboxes: ["billable"],
  run: async (actor, input) => ({ overlaps: (await createManualEntry(actor, input)).overlaps }),
  revalidate: everything,
});

export const bulkEntryAction = defineAction({
  name: "entries.bulk",
  access: "user",
  from: "form",
  input: ZBulkEntry,
  checkboxes: ["billable", "skipWeekends"],
  run: (actor, input) => createBulkEntries(actor, input),
  revalidate: everything,
});

export const updateEntryAction = defineAction({
  name: "entries.update",
  access: "user",
  from: "form",
  input: ZEntryUpdate,
  checkboxes: ["billable"],
  run: async (actor, input) => ({ overlaps: (await updateEntry(actor, input)).overlaps }),
  revalidate: everything,
  redirect: ({ overlaps }) => `/entries?saved=1${overlaps ? "&overlap=1" : ""}`,
});

export const duplicateEntryAction = defineAction({
  name: "entries.duplicate",
  access: "user",
  from: "form",
  input: ZById,
  run: async (actor, input) => void (await duplicateEntry(actor, input)),
  revalidate: everything,
});

export const deleteEntryAction = defineAction({
  name: "entries.delete",
  access: "user",
  from: "form",
  input: ZById,
  run: (actor, input) => deleteEntry(actor, input),
  revalidate: everything,
});

/** Week grid: adds an entry of the typed difference on that day (project, task, day and duration only). */
export const addGridTimeAction = defineAction({
  name: "entries.grid_add",
  access: "user",
  from: "object",
  input: ZManualEntry.pick({ projectId: true, taskId: true, date: true, duration: true }),
  run: async (actor, { projectId, taskId, date, duration }) =>
    void (await createManualEntry(actor, { projectId, taskId, date, duration })),
  revalidate: everything,
});
