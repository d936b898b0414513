// Expenses (project costs): the form and API inputs and the list's filters. The amount arrives as
// the decimal text people type; the service parses it in the project client's currency (lib/money).
import { z } from "zod";
import { ZCheckbox, ZDateKey, ZId, zIdOf, zOptionalIdOf } from "./common";

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`).default("");

export const ZExpense = z.object({
  projectId: zIdOf("a project"),
  date: ZDateKey,
  category: text(60),
  description: text(500),
  /** "12.50", "1,234.5": positive, in the project client's currency. */
  amount: z
    .string({ message: "Enter an amount such as 12 or 12.50." })
    .trim()
    .min(1, "Enter an amount such as 12 or 12.50.")
    .max(24, "Enter an amount such as 12 or 12.50."),
  /** None: no tax on this expense. */
  taxRateId: zOptionalIdOf("a tax rate").default(null),
  billable: ZCheckbox.default(true),
});
export type TExpense = z.input<typeof ZExpense>;

export const ZExpenseUpdate = ZExpense.extend({ id: ZId });
export type TExpenseUpdate = z.input<typeof ZExpenseUpdate>;

export const ZExpenseFilter = z.object({
  projectId: zIdOf("a project").optional().catch(undefined),
  from: ZDateKey.optional().catch(undefined),
  to: ZDateKey.optional().catch(undefined),
});
export type TExpenseFilter = z.input<typeof ZExpenseFilter>;

/** How expenses become invoice lines: one line each, or one per category and tax rate. */
export const EXPENSE_GROUPING = ["expense", "category"] as const;
export type ExpenseGrouping = (typeof EXPENSE_GROUPING)[number];
