// Saved report views: a name and the report's filters. A view keeps a date preset ("this month")
// rather than its days, so it moves with the calendar; a custom range keeps its days.
import { z } from "zod";
import { DATE_PRESETS } from "@/lib/time/presets";
import { ZById } from "./common";
import { ZSummaryQuery } from "./reports";

const PRESETS = DATE_PRESETS.map(([p]) => p) as [
  (typeof DATE_PRESETS)[number][0],
  ...(typeof DATE_PRESETS)[number][0][],
];

export const ZReportViewName = z
  .string({ message: "Enter a name for the view." })
  .trim()
  .min(1, "Enter a name for the view.")
  .max(60, "At most 60 characters.")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Use letters, digits and punctuation only.");

export const ZReportViewQuery = ZSummaryQuery.extend({
  preset: z.preprocess((v) => (v === "" || v == null ? null : v), z.enum(PRESETS).nullable()).default(null),
  type: z.enum(["summary", "detailed"]).default("summary"),
});
export type TReportViewQuery = z.output<typeof ZReportViewQuery>;

export const ZSaveReportView = ZReportViewQuery.extend({ name: ZReportViewName });
export type TSaveReportView = z.input<typeof ZSaveReportView>;

export const ZRenameReportView = ZById.extend({ name: ZReportViewName });
export type TRenameReportView = z.input<typeof ZRenameReportView>;

/** At most this many views per person. */
export const MAX_REPORT_VIEWS = 50;
