// Small zod pieces shared by the time-tracking forms: optional ids, money, hours, tag lists, dates.
// Every day the app accepts (forms, JSON API, page query strings) goes through ZDateKey, and every
// typed duration through ZDuration: one place holds the supported range (lib/time/range.ts).
import { z } from "zod";
import { durationProblem, parseDuration, parseDurationOrZero } from "@/lib/time/duration-parse";
import { DAY_RANGE_MESSAGE, isDayInRange } from "@/lib/time/range";
import { isDateKey } from "@/lib/time/tz";

/** The message when a required choice is missing or not one of the list's items: "Choose a project." */
export const chooseMessage = (what: string) => `Choose ${what}.`;
/** A required id; `what` names the missing thing in the message ("a project", "a client"). */
export const zIdOf = (what: string) => z.uuid({ message: chooseMessage(what) });
/** An optional id naming what it picks; empty becomes null. */
export const zOptionalIdOf = (what: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), zIdOf(what).nullable());
/** An empty form field becomes null; anything else must be a uuid. */
export const ZOptionalId = zOptionalIdOf("an item from the list");
/** The id of the row a button acts on (hidden fields, API paths): gone or made up means it is no longer there. */
export const ZId = z.uuid({ message: "That item no longer exists. Reload the page." });

/** "12.50" or "12,50" → 1250 cents; empty → null. */
export const ZMoneyCents = z.preprocess(
  (v) => {
    if (v === "" || v === undefined || v === null) return null;
    const n = typeof v === "number" ? v : typeof v === "string" ? Number(v.replace(",", ".").trim()) : Number.NaN;
    return Number.isFinite(n) ? Math.round(n * 100) : Number.NaN;
  },
  z
    .number({ message: "Enter an amount such as 85 or 85.50." })
    .int()
    .min(0, "Must be zero or more.")
    .max(1_000_000_000, "Too large.")
    .nullable(),
);

export const ESTIMATE_HINT = "Enter a duration such as 3h, 1h 30m, 1:30 or 1.5 (hours).";
/**
 * An estimate typed like an entry's duration ("3h", "1h 30m", "1:30", "90m", or hours as "1.5") → minutes;
 * empty → null; 0 is allowed (no estimate); a negative number is refused with "Must be zero or more.".
 */
export const ZHoursAsMinutes = z.preprocess(
  (v) => {
    if (v === "" || v === undefined || v === null) return null;
    if (typeof v === "number") return Number.isFinite(v) ? Math.round(v * 60) : Number.NaN;
    if (typeof v !== "string" || v.length > 40) return Number.NaN;
    const s = v.trim();
    if (s === "") return null;
    if (/^-\s*\d/.test(s)) return parseDurationOrZero(s.replace(/^-\s*/, "")) === null ? Number.NaN : -1;
    return parseDurationOrZero(s) ?? Number.NaN;
  },
  z.number({ message: ESTIMATE_HINT }).int().min(0, "Must be zero or more.").max(1_000_000, "Too large.").nullable(),
);

/** "design, urgent" or ["design"] → trimmed, unique, at most 20 tags of 1–40 characters. */
export const ZTags = z.preprocess(
  (v) => {
    const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : [];
    // Non-strings (objects from a crafted request) become "", then are dropped.
    return [...new Set(list.map((s) => (typeof s === "string" ? s.trim() : "")).filter(Boolean))];
  },
  z.array(z.string().max(40, "A tag has at most 40 characters.")).max(20, "At most 20 tags."),
);

const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
/** "YYYY-MM-DD", a real calendar day, inside the supported range. One message per check, first failing wins. */
export const ZDateKey = z
  .string({ message: "Enter a date as YYYY-MM-DD." })
  .trim()
  .superRefine((s, ctx) => {
    const message = !DAY_SHAPE.test(s)
      ? "Enter a date as YYYY-MM-DD."
      : !isDayInRange(s)
        ? DAY_RANGE_MESSAGE
        : !isDateKey(s)
          ? "That day does not exist."
          : null;
    if (message) ctx.addIssue({ code: "custom", message });
  });
export const ZOptionalDateKey = z.preprocess((v) => (v === "" || v == null ? null : v), ZDateKey.nullable());

/** The longest one entry may be (also checked after rounding, in lib/services/entry-input.ts). */
export const MAX_ENTRY_SECONDS = 24 * 3600;
export const DURATION_HINT = "Enter a duration such as 1h 30m, 1:30, 90m or 1.5.";
export const DURATION_TOO_LONG = "One entry can be at most 24 hours long.";
export const DURATION_NOT_POSITIVE = "Must be more than 0.";
function durationSchema(optional: boolean) {
  return z
    .string({ message: DURATION_HINT })
    .trim()
    .max(40, DURATION_HINT)
    .superRefine((s, ctx) => {
      if (optional && s === "") return;
      const minutes = parseDuration(s);
      const problem = durationProblem(s);
      if (problem === "zero") ctx.addIssue({ code: "custom", message: DURATION_NOT_POSITIVE });
      else if (minutes === null) ctx.addIssue({ code: "custom", message: DURATION_HINT });
      else if (minutes * 60 > MAX_ENTRY_SECONDS) ctx.addIssue({ code: "custom", message: DURATION_TOO_LONG });
    });
}
/** A duration typed the forgiving way ("1h 30m", "1:30", "90m", "1.5"), between 1 minute and 24 hours. */
export const ZDuration = durationSchema(false);
/** The same, or empty (a form that gives an end time instead). */
export const ZOptionalDuration = z.preprocess((v) => (v == null ? "" : v), durationSchema(true));

/** A checkbox: true for true/"on"/"true"/"1"; anything else (an absent box arrives as "off") is false. */
export const ZCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
/** Tri-state: absent, "" or "default" leave the choice to the default (the project's billable flag). */
export const ZOptionalCheckbox = z.preprocess(
  (v) =>
    v === undefined || v === null || v === "" || v === "default"
      ? undefined
      : v === true || v === "on" || v === "true" || v === "1",
  z.boolean().optional(),
);

export const ZNotes = z.string().trim().max(2000, "At most 2000 characters.").default("");

/** The input of every service call that names one row: delete, duplicate, restart. */
export const ZById = z.object({ id: ZId });
export type TById = z.input<typeof ZById>;

/** Archive or unarchive one row. */
export const ZArchive = z.object({ id: ZId, archived: ZCheckbox });
export type TArchive = z.input<typeof ZArchive>;
