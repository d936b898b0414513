// Integer division with a named rounding rule. Money never touches floating point: amounts are whole
// minor units (cents), products are BigInt, and a fraction is rounded exactly once, here.

/** "half-up": commercial rounding, a half goes away from zero (2.5 → 3, -2.5 → -3).
 *  "half-even": banker's rounding, a half goes to the even neighbour (2.5 → 2, 3.5 → 4). */
export type RoundingRule = "half-up" | "half-even";

export const ROUNDING_RULES: readonly RoundingRule[] = ["half-up", "half-even"];

/** num / den rounded to a whole number by `rule`. Symmetric: divRound(-n, d) = -divRound(n, d). */
export function divRound(num: bigint, den: bigint, rule: RoundingRule): bigint {
  if (den === 0n) throw new RangeError("Division by zero.");
  if (den < 0n) return divRound(-num, -den, rule);
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = n / den;
  const r = n % den;
  const twice = r * 2n;
  let out = q;
  if (twice > den) out = q + 1n;
  else if (twice === den) out = rule === "half-up" ? q + 1n : q % 2n === 0n ? q : q + 1n;
  return neg ? -out : out;
}

/** A BigInt known to fit a JavaScript number (amounts stay far below 2^53). */
export function toSafeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError("Amount out of range.");
  }
  return Number(v);
}
