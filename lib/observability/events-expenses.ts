// Expenses' part of the event catalog (spread into EVENTS in events.ts). Ids, flags and amount bands
// only: never categories, descriptions or exact amounts.
import { z } from "zod";
import { AMOUNT_BANDS } from "./events-invoicing";

const id = z.uuid();

export const EXPENSE_EVENTS = {
  "expense.created": {
    description: "A user recorded an expense (a project cost) on a project.",
    props: z.object({
      expense_id: id,
      project_id: id,
      billable: z.boolean(),
      has_category: z.boolean(),
      amount_band: z.enum(AMOUNT_BANDS),
    }),
  },
  "expense.updated": {
    description: "An unbilled expense was edited (by its owner or an admin).",
    props: z.object({ expense_id: id, billable: z.boolean() }),
  },
  "expense.receipt_attached": {
    description: "A receipt file (image or PDF) was attached to an expense, or replaced.",
    props: z.object({ expense_id: id, file_type: z.enum(["png", "jpg", "webp", "pdf"]) }),
  },
  "expense.deleted": {
    description: "An unbilled expense was deleted (by its owner or an admin).",
    props: z.object({ expense_id: id }),
  },
} as const;
