// Property tests: the invariants an accountant checks by hand on every invoice.
import fc from "fast-check";
import {
  allocate,
  amountForDuration,
  amountForQuantity,
  applyDiscount,
  computeTotals,
  creditLines,
  divRound,
  formatMoney,
  minorDigits,
  parseAmount,
  toDecimalString,
  type AmountLine,
  type PriceMode,
  type RoundingRule,
} from "./index";

const rule = fc.constantFrom<RoundingRule>("half-up", "half-even");
const mode = fc.constantFrom<PriceMode>("net", "gross");
const taxRate = fc.record({
  name: fc.constantFrom("VAT", "Reduced VAT", "Zero"),
  rateBp: fc.constantFrom(0, 700, 1900, 2000, 2100, 550, 10_000),
});
const line = fc.record({ amount: fc.integer({ min: -5_000_000, max: 50_000_000 }), tax: taxRate });
const lines = fc.array(line, { minLength: 1, maxLength: 40 });

describe("rounding", () => {
  it("rounds halves away from zero (half-up) or to even (banker's)", () => {
    expect(divRound(5n, 2n, "half-up")).toBe(3n);
    expect(divRound(-5n, 2n, "half-up")).toBe(-3n);
    expect(divRound(5n, 2n, "half-even")).toBe(2n);
    expect(divRound(7n, 2n, "half-even")).toBe(4n);
    expect(divRound(-5n, 2n, "half-even")).toBe(-2n);
    expect(divRound(7n, 3n, "half-up")).toBe(2n);
  });

  it("is symmetric and never off by more than half a unit", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        rule,
        (n, d, r) => {
          const q = divRound(n, d, r);
          expect(divRound(-n, d, r)).toBe(-q);
          const err = q * d - n;
          expect(2n * (err < 0n ? -err : err) <= d).toBe(true);
        },
      ),
    );
  });
});

describe("amounts", () => {
  it("prices time exactly: 1 h 20 min at 90.00/h is 120.00; 1 min at 1.00/h rounds per rule", () => {
    expect(amountForDuration(80 * 60_000, 9000, "half-up")).toBe(12000);
    expect(amountForDuration(30 * 60_000, 1, "half-up")).toBe(1); // 0.5 cent → 1
    expect(amountForDuration(30 * 60_000, 1, "half-even")).toBe(0); // 0.5 cent → 0
    expect(amountForQuantity(1500, 1999, "half-up")).toBe(2999); // 29.985 → 29.99
    expect(amountForQuantity(1500, 1999, "half-even")).toBe(2998); // 29.985 → 29.98
    expect(applyDiscount(10_000, 1000, "half-up")).toBe(9000);
  });

  it("uses each currency's minor unit", () => {
    expect(minorDigits("EUR")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(minorDigits("KWD")).toBe(3);
    expect(parseAmount("1,234.50", "EUR")).toBe(123450);
    expect(parseAmount("12,5", "EUR")).toBe(1250);
    expect(parseAmount("1500", "JPY")).toBe(1500);
    expect(parseAmount("1.5", "JPY")).toBeNull();
    expect(parseAmount("1.2345", "KWD")).toBeNull();
    expect(parseAmount("1.234", "KWD")).toBe(1234);
    expect(parseAmount("abc", "EUR")).toBeNull();
    expect(toDecimalString(-5, "EUR")).toBe("-0.05");
    expect(formatMoney(123456789, "EUR")).toBe("€1,234,567.89");
    expect(formatMoney(1500, "JPY")).toBe("¥1,500");
  });

  it("parses what it prints, for every amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.constantFrom("EUR", "JPY", "KWD", "USD"),
        (m, c) => {
          expect(parseAmount(toDecimalString(m, c), c)).toBe(m);
        },
      ),
    );
  });

  it("allocates a total into parts that add up to it, each within one unit of its share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]) / sum)).toBeLessThan(1));
          expect(allocate(-total, weights)).toEqual(parts.map((p) => (p === 0 ? 0 : -p)));
        },
      ),
    );
  });
});

describe("invoice totals", () => {
  it("19 % on 100.00 + 7 % on 10.00, net prices", () => {
    const t = computeTotals(
      [
        { amount: 10_000, tax: { name: "VAT", rateBp: 1900 } },
        { amount: 1_000, tax: { name: "Reduced VAT", rateBp: 700 } },
      ],
      "net",
      "half-up",
    );
    expect(t.taxes).toEqual([
      { name: "VAT", rateBp: 1900, net: 10_000, tax: 1_900 },
      { name: "Reduced VAT", rateBp: 700, net: 1_000, tax: 70 },
    ]);
    expect(t.total).toBe(12_970);
  });

  it("gross prices: 119.00 at 19 % holds 19.00 tax", () => {
    const t = computeTotals([{ amount: 11_900, tax: { name: "VAT", rateBp: 1900 } }], "gross", "half-up");
    expect(t).toMatchObject({ net: 10_000, tax: 1_900, total: 11_900 });
  });

  it("lines add up to the total, and taxes per rate add up to the tax", () => {
    fc.assert(
      fc.property(lines, mode, rule, (ls, m, r) => {
        const t = computeTotals(ls, m, r);
        const sum = (k: "net" | "tax" | "gross") => t.lines.reduce((a, l) => a + l[k], 0);
        expect(sum("gross")).toBe(t.total);
        expect(sum("net")).toBe(t.net);
        expect(sum("tax")).toBe(t.tax);
        expect(t.taxes.reduce((a, g) => a + g.tax, 0)).toBe(t.tax);
        expect(t.taxes.reduce((a, g) => a + g.net, 0)).toBe(t.net);
        for (const g of t.taxes) {
          // Each rate's tax is that rate applied once to its own lines (within half a unit).
          const base = m === "net" ? g.net : g.net + g.tax;
          const exact = m === "net" ? (base * g.rateBp) / 10_000 : base - (base * 10_000) / (10_000 + g.rateBp);
          expect(Math.abs(g.tax - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
        }
        if (m === "gross") t.lines.forEach((l, i) => expect(l.gross).toBe(ls[i].amount));
        else t.lines.forEach((l, i) => expect(l.net).toBe(ls[i].amount));
      }),
    );
  });

  it("a credit note cancels its invoice exactly, line by line and per rate", () => {
    fc.assert(
      fc.property(lines, mode, rule, (ls: AmountLine[], m, r) => {
        const inv = computeTotals(ls, m, r);
        const cn = computeTotals(creditLines(ls), m, r);
        expect(inv.total + cn.total).toBe(0);
        expect(inv.tax + cn.tax).toBe(0);
        inv.lines.forEach((l, i) => {
          expect(l.net + cn.lines[i].net).toBe(0);
          expect(l.tax + cn.lines[i].tax).toBe(0);
        });
        inv.taxes.forEach((g, i) => expect(g.tax + cn.taxes[i].tax).toBe(0));
      }),
    );
  });

  it("refuses a tax rate over 100 %", () => {
    expect(() => computeTotals([{ amount: 1, tax: { name: "X", rateBp: 10_001 } }], "net", "half-up")).toThrow(/100 %/);
  });
});
