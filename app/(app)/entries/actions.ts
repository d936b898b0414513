"use server";
// Time entries: manual and bulk entry, edit (form and inline row), duplicate, delete with Undo, bulk
// edit/delete of a selection, and the week grid's typed hours.
// The services scope every change to the signed-in user's own entries (admins: anyone's).
import { defineAction, type Revalidation } from "@/lib/action";
import {
  bulkDeleteEntries,
  bulkUpdateEntries,
  createBulkEntries,
  createGridEntry,
  addManualEntry,
  deleteEntry,
  duplicateEntry,
  updateEntry,
} from "@/lib/services/entries";
import { restoreEntries } from "@/lib/services/entry-trash";
import { ZById } from "@/lib/validation/common";
import {
  ZBulkEntry,
  ZBulkEntryUpdate,
  ZEntryIds,
  ZEntryUpdate,
  ZGridTime,
  ZManualEntry,
} from "@/lib/validation/entries";

// Entries feed the header timer, the dashboard, the week and the reports.
const everything: Revalidation[] = [["/", "layout"]];

export const createEntryAction = defineAction({
  name: "entries.create",
  access: "user",
  from: "form",
  input: ZManualEntry,
  checkboxes: ["billable"],
  run: async (actor, input) => ({ overlaps: (await addManualEntry(actor, input)).overlaps }),
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

/** Week grid: adds an entry of the typed difference on that day, after the day's last entry. */
export const addGridTimeAction = defineAction({
  name: "entries.grid_add",
  access: "user",
  from: "object",
  input: ZGridTime,
  run: async (actor, input) => void (await createGridEntry(actor, input)),
  revalidate: everything,
});

/** The list's inline row: saves one edited entry and stays on the page. */
export const saveEntryRowAction = defineAction({
  name: "entries.save_row",
  access: "user",
  from: "object",
  input: ZEntryUpdate,
  run: async (actor, input) => ({ overlaps: (await updateEntry(actor, input)).overlaps }),
  revalidate: everything,
});

export const bulkUpdateEntriesAction = defineAction({
  name: "entries.bulk_update",
  access: "user",
  from: "object",
  input: ZBulkEntryUpdate,
  run: (actor, input) => bulkUpdateEntries(actor, input),
  revalidate: everything,
});

export const bulkDeleteEntriesAction = defineAction({
  name: "entries.bulk_delete",
  access: "user",
  from: "object",
  input: ZEntryIds,
  run: (actor, input) => bulkDeleteEntries(actor, input),
  revalidate: everything,
});

/** Undo of a delete: only the person who deleted the entries can put them back. */
export const restoreEntriesAction = defineAction({
  name: "entries.restore",
  access: "user",
  from: "object",
  input: ZEntryIds,
  run: (actor, input) => restoreEntries(actor, input),
  revalidate: everything,
});
