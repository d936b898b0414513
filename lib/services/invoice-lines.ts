// Turns billable entries into invoice lines: one line per group (project, task, person, day or entry)
// and rate, the amount rounded once per line from the exact milliseconds × rate; then the invoice's
// totals (lib/money). Pure apart from types: the tests and the benchmark call it directly.
import "server-only";
import {
  amountForDuration,
  amountForQuantity,
  applyDiscount,
  computeTotals,
  formatMoney,
  type PriceMode,
  type RoundingRule,
  type TaxRate,
  type Totals,
} from "@/lib/money";
import type { GroupBy } from "@/lib/validation/invoices";
import type { RateTable } from "./rate-table";

export interface BillableEntry {
  id: string;
  userId: string;
  projectId: string;
  taskId: string | null;
  /** Day of the start in the organization's time zone. */
  day: string;
  ms: number;
  notes: string;
  projectName: string;
  taskName: string | null;
  userName: string;
}

export interface DraftLine {
  kind: "time" | "manual" | "discount" | "expense";
  description: string;
  quantityMilli: number;
  unitPrice: number;
  discountBp: number;
  amount: number;
  tax: TaxRate;
}

export interface PricedLine extends DraftLine {
  taxMinor: number;
}

function groupKey(e: BillableEntry, by: GroupBy): [string, string] {
  switch (by) {
    case "project":
      return [e.projectId, e.projectName];
    case "task":
      return [`${e.projectId}|${e.taskId ?? ""}`, `${e.projectName} – ${e.taskName ?? "No task"}`];
    case "person":
      return [`${e.projectId}|${e.userId}`, `${e.projectName} – ${e.userName}`];
    case "day":
      return [`${e.day}|${e.projectId}`, `${e.day} ${e.projectName}`];
    case "entry":
      return [e.id, `${e.day} ${e.projectName}${e.notes ? `: ${e.notes.slice(0, 200)}` : ""}`];
  }
}

/** Time lines from entries, in the order their groups first appear (callers sort entries by start). */
export function timeLines(
  entries: readonly BillableEntry[],
  by: GroupBy,
  rates: RateTable,
  opts: { tax: TaxRate; rule: RoundingRule; currency: string },
): DraftLine[] {
  const groups = new Map<string, { label: string; rate: number; ms: bigint }>();
  const labelRates = new Map<string, Set<number>>();
  for (const e of entries) {
    const [k, label] = groupKey(e, by);
    const { rate } = rates.resolve(e.projectId, e.userId, e.day);
    const key = `${k}@${rate}`;
    const g = groups.get(key) ?? { label, rate, ms: 0n };
    g.ms += BigInt(e.ms);
    groups.set(key, g);
    const seen = labelRates.get(k) ?? new Set<number>();
    seen.add(rate);
    labelRates.set(k, seen);
  }
  const lines: DraftLine[] = [];
  for (const [key, g] of groups) {
    const split = (labelRates.get(key.slice(0, key.lastIndexOf("@")))?.size ?? 1) > 1;
    lines.push({
      kind: "time",
      description: split ? `${g.label} (at ${formatMoney(g.rate, opts.currency)}/h)` : g.label,
      quantityMilli: Number((g.ms + 1800n) / 3600n), // hours in thousandths, for display; the amount uses the exact ms
      unitPrice: g.rate,
      discountBp: 0,
      amount: amountForDuration(g.ms, g.rate, opts.rule),
      tax: opts.tax,
    });
  }
  return lines;
}

/** A manual line's amount: quantity × price, less its discount; a discount line subtracts. */
export function manualLine(
  l: { kind: "manual" | "discount"; description: string; quantityMilli: number; unitPrice: number; discountBp: number },
  tax: TaxRate,
  rule: RoundingRule,
): DraftLine {
  const unitPrice = l.kind === "discount" ? -Math.abs(l.unitPrice) : l.unitPrice;
  const gross = amountForQuantity(l.quantityMilli, unitPrice, rule);
  return { ...l, unitPrice, amount: applyDiscount(gross, l.discountBp, rule), tax };
}

export function priceLines(
  lines: readonly DraftLine[],
  mode: PriceMode,
  rule: RoundingRule,
): { lines: PricedLine[]; totals: Totals } {
  const totals = computeTotals(lines, mode, rule);
  return { lines: lines.map((l, i) => ({ ...l, taxMinor: totals.lines[i].tax })), totals };
}
