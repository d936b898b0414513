"use server";
// The calendar view: the caller's entries in the visible range, an entry drawn on empty space (or
// typed in the "New entry" dialog), a block moved or resized. Only the caller's own entries.
import { defineAction, type Revalidation } from "@/lib/action";
import { createCalendarEntry, listCalendarEntries, moveCalendarEntry } from "@/lib/services/calendar";
import { ZCalendarCreate, ZCalendarMove, ZCalendarRange } from "@/lib/validation/calendar";

// Entries feed the timer bar, the dashboard, the week and the reports.
const everything: Revalidation[] = [["/", "layout"]];

export const loadCalendarAction = defineAction({
  name: "calendar.load",
  access: "user",
  from: "object",
  input: ZCalendarRange,
  run: (actor, input) => listCalendarEntries(actor, input),
});

export const createCalendarEntryAction = defineAction({
  name: "calendar.create",
  access: "user",
  from: "object",
  input: ZCalendarCreate,
  run: (actor, input) => createCalendarEntry(actor, input),
  revalidate: everything,
});

export const moveCalendarEntryAction = defineAction({
  name: "calendar.move",
  access: "user",
  from: "object",
  input: ZCalendarMove,
  run: (actor, input) => moveCalendarEntry(actor, input),
  revalidate: everything,
});
