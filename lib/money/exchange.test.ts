// The manual exchange rate: exact decimal parsing and conversion between currencies with different
// minor units; a credit note converts to exactly the negative of its invoice.
import fc from "fast-check";
import { convertMinor, normalizeRate } from "./exchange";

it("accepts positive decimals only, in canonical form", () => {
  expect(["1.0845", "1,5", "007", "0.92000000", "123456.12345678"].map(normalizeRate)).toEqual([
    "1.0845",
    "1.5",
    "7",
    "0.92",
    "123456.12345678",
  ]);
  for (const bad of ["0", "0.000", "-1", "1e3", "1.123456789", "1234567", "", "abc", "1.2.3", " . "]) {
    expect(normalizeRate(bad)).toBeNull();
  }
});

it("converts exactly between currencies with different minor units, rounding half up once", () => {
  expect(convertMinor(100_000, "0.92", "USD", "EUR")).toBe(92_000); // $1,000.00 → €920.00
  expect(convertMinor(12_345, "1.0845", "EUR", "USD")).toBe(13_388); // 123.45 × 1.0845 = 133.882… → 133.88
  expect(convertMinor(1_000, "0.0062", "JPY", "EUR")).toBe(620); // ¥1,000 → €6.20
  expect(convertMinor(1_000, "161.5", "EUR", "JPY")).toBe(1_615); // €10.00 → ¥1,615
  expect(convertMinor(1_000, "3.25", "KWD", "EUR")).toBe(325); // KWD 1.000 → €3.25
  expect(convertMinor(5, "0.5", "EUR", "USD")).toBe(3); // 2.5 cents → 3 (half up)
  expect(convertMinor(-5, "0.5", "EUR", "USD")).toBe(-3);
  expect(() => convertMinor(100, "0", "EUR", "USD")).toThrow(RangeError);
});

it("a credit note's amount converts to the exact negative of its invoice's", () => {
  const rate = fc
    .tuple(fc.integer({ min: 0, max: 9_999 }), fc.integer({ min: 0, max: 99_999_999 }))
    .filter(([i, f]) => i + f > 0)
    .map(([i, f]) => `${i}.${String(f).padStart(8, "0")}`);
  const currency = fc.constantFrom("EUR", "USD", "JPY", "KWD", "CHF");
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), rate, currency, currency, (minor, r, from, to) => {
      const v = convertMinor(minor, r, from, to);
      return convertMinor(-minor, r, from, to) === -v && v >= 0;
    }),
  );
});
