// An invoice's totals from its lines: each line's amount is already rounded (per line); taxes are
// computed once per named rate on the sum of that rate's lines, then allocated back to the lines so
// that every line's net + tax adds up to the invoice total exactly. Pure: client code may import it.
import { allocate } from "./amount";
import { divRound, toSafeNumber, type RoundingRule } from "./rounding";

/** "net": line amounts exclude tax, tax is added. "gross": line amounts include tax, tax is extracted. */
export type PriceMode = "net" | "gross";

export interface TaxRate {
  /** Shown on the invoice: "VAT", "Reduced VAT", "Reverse charge". */
  name: string;
  /** Basis points: 1900 = 19 %, 0–10000. */
  rateBp: number;
}

export interface AmountLine {
  /** Minor units as entered (net or gross per the price mode), already rounded, any sign. */
  amount: number;
  tax: TaxRate;
}

export interface TaxGroup extends TaxRate {
  net: number;
  tax: number;
}

export interface LineTotals {
  net: number;
  tax: number;
  gross: number;
}

export interface Totals {
  lines: LineTotals[];
  taxes: TaxGroup[];
  net: number;
  tax: number;
  total: number;
}

const key = (t: TaxRate) => `${t.rateBp}\u0000${t.name}`;

export function computeTotals(lines: readonly AmountLine[], mode: PriceMode, rule: RoundingRule): Totals {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount)) throw new RangeError("Line amounts are whole minor units.");
    if (!Number.isInteger(l.tax.rateBp) || l.tax.rateBp < 0 || l.tax.rateBp > 10_000) {
      throw new RangeError("A tax rate is between 0 and 100 %.");
    }
  }
  const groups = new Map<string, { rate: TaxRate; idx: number[] }>();
  lines.forEach((l, i) => {
    const k = key(l.tax);
    const g = groups.get(k) ?? { rate: { name: l.tax.name, rateBp: l.tax.rateBp }, idx: [] };
    g.idx.push(i);
    groups.set(k, g);
  });

  const out: LineTotals[] = lines.map(() => ({ net: 0, tax: 0, gross: 0 }));
  const taxes: TaxGroup[] = [];
  for (const { rate, idx } of groups.values()) {
    const sum = idx.reduce((a, i) => a + lines[i].amount, 0);
    const bp = BigInt(rate.rateBp);
    let groupNet: number;
    let groupTax: number;
    if (mode === "net") {
      groupNet = sum;
      groupTax = toSafeNumber(divRound(BigInt(sum) * bp, 10_000n, rule));
    } else {
      groupNet = toSafeNumber(divRound(BigInt(sum) * 10_000n, 10_000n + bp, rule));
      groupTax = sum - groupNet;
    }
    const weights = idx.map((i) => lines[i].amount);
    const lineTax = allocate(groupTax, weights);
    idx.forEach((i, j) => {
      const tax = lineTax[j];
      const net = mode === "net" ? lines[i].amount : lines[i].amount - tax;
      out[i] = { net, tax, gross: net + tax };
    });
    taxes.push({ ...rate, net: groupNet, tax: groupTax });
  }
  taxes.sort((a, b) => b.rateBp - a.rateBp || a.name.localeCompare(b.name));
  const net = taxes.reduce((a, t) => a + t.net, 0);
  const tax = taxes.reduce((a, t) => a + t.tax, 0);
  return { lines: out, taxes, net, tax, total: net + tax };
}

/** A credit note's lines: the invoice's lines with every amount negated. */
export function creditLines<T extends AmountLine>(lines: readonly T[]): T[] {
  return lines.map((l) => ({ ...l, amount: l.amount === 0 ? 0 : -l.amount }));
}
