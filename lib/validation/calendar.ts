// The calendar view's inputs: a visible range, a block drawn on empty space, a block moved or resized.
// Instants arrive as ISO strings from the browser; the services snap them to the rounding step.
import { z } from "zod";
import { ZId, ZNotes, zOptionalIdOf } from "./common";

/** A month view shows six weeks; a little more leaves room for the browser's own range. */
export const MAX_CALENDAR_RANGE_DAYS = 62;

const ZInstant = z.coerce.date({ message: "Enter a date and time." });

function span<T extends { start: Date; end: Date }>(v: T, ctx: z.RefinementCtx, max: number, field: string) {
  const ms = v.end.getTime() - v.start.getTime();
  if (ms <= 0) ctx.addIssue({ code: "custom", path: [field], message: "The end must be after the start." });
  else if (ms > max) ctx.addIssue({ code: "custom", path: [field], message: "That range is too long." });
}

export const ZCalendarRange = z
  .object({ start: ZInstant, end: ZInstant })
  .superRefine((v, ctx) => span(v, ctx, MAX_CALENDAR_RANGE_DAYS * 86_400_000, "end"));
export type TCalendarRange = z.input<typeof ZCalendarRange>;

/** A new entry drawn on the calendar (or typed in its "New entry" dialog). */
export const ZCalendarCreate = z.object({
  start: ZInstant,
  end: ZInstant,
  notes: ZNotes,
  projectId: zOptionalIdOf("a project").default(null),
});
export type TCalendarCreate = z.input<typeof ZCalendarCreate>;

/** A block moved (new start and end) or resized (new end). */
export const ZCalendarMove = z.object({ id: ZId, start: ZInstant, end: ZInstant });
export type TCalendarMove = z.input<typeof ZCalendarMove>;
