// Expenses' business counter: expenses recorded and deleted (no amounts, no ids).
import "server-only";
import { counter } from "./metrics";

const EVENTS = ["created", "deleted"] as const;
export type ExpenseMetricEvent = (typeof EVENTS)[number];

const expensesTotal = () => counter("timetracker_expenses_total", "Expenses recorded and deleted.", ["event"]);

export function incrementExpenses(event: ExpenseMetricEvent): void {
  expensesTotal().inc({ event });
}

/** Every label value at 0 from the first scrape. */
export function initializeExpenseSeries(): void {
  for (const e of EVENTS) expensesTotal().inc({ event: e }, 0);
}
