// Amounts as whole minor units: parsing what people type, formatting for screens and PDFs, time × rate,
// and splitting a total into parts that add up to it exactly. Pure: client code may import it.
import { minorDigits } from "./currency";
import { divRound, toSafeNumber, type RoundingRule } from "./rounding";

const MS_PER_HOUR = 3_600_000n;

/** Minor units earned by `ms` of work at `ratePerHour` minor units per hour, rounded once. */
export function amountForDuration(ms: number | bigint, ratePerHour: number, rule: RoundingRule): number {
  return toSafeNumber(divRound(BigInt(ms) * BigInt(ratePerHour), MS_PER_HOUR, rule));
}

/** quantity (thousandths: 1500 = 1.5) × unit price (minor units), rounded once. */
export function amountForQuantity(quantityMilli: number, unitPrice: number, rule: RoundingRule): number {
  return toSafeNumber(divRound(BigInt(quantityMilli) * BigInt(unitPrice), 1000n, rule));
}

/** `amount` less `percentBp` basis points (1000 = 10 %), the discount rounded once. */
export function applyDiscount(amount: number, percentBp: number, rule: RoundingRule): number {
  if (percentBp === 0) return amount;
  return amount - toSafeNumber(divRound(BigInt(amount) * BigInt(percentBp), 10_000n, rule));
}

/**
 * Splits `total` into parts proportional to `weights` (largest remainder), so the parts add up to
 * `total` exactly. Symmetric: allocate(-t, w) = -allocate(t, w), and negating every weight changes
 * nothing, so a credit note's parts are exactly the invoice's parts negated.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError("Nothing to allocate to.");
    return [];
  }
  let w = weights.map(BigInt);
  let sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    // No proportion to follow: the first part takes it all.
    return weights.map((_, i) => (i === 0 ? total : 0));
  }
  if (sum < 0n) {
    w = w.map((x) => -x);
    sum = -sum;
  }
  if (total < 0) return allocate(-total, weights).map((x) => (x === 0 ? 0 : -x));
  const t = BigInt(total);
  const floors: bigint[] = [];
  const rems: bigint[] = [];
  for (const x of w) {
    const p = t * x;
    // Floor division for possibly negative p (sum > 0).
    let q = p / sum;
    let r = p % sum;
    if (r < 0n) {
      q -= 1n;
      r += sum;
    }
    floors.push(q);
    rems.push(r);
  }
  let left = t - floors.reduce((a, b) => a + b, 0n);
  const order = rems.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return floors.map(toSafeNumber);
}

/** "1234.5", "1,234.50", "12,5" → minor units of `currency`; null when it is not an amount. */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  let s = text.trim().replace(/\s|'/g, "");
  if (s === "") return null;
  // A lone comma with no dot is a decimal comma; otherwise commas group thousands.
  if (/^-?\d+,\d+$/.test(s) && !/,\d{3}$/.test(s)) {
    s = s.replace(",", ".");
  } else {
    s = s.replace(/,/g, "");
  }
  const m = /^(-)?(\d{1,13})(?:\.(\d*))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] ?? "";
  if (frac.length > digits) return null;
  const minor = BigInt(m[2] + frac.padEnd(digits, "0"));
  return toSafeNumber(m[1] ? -minor : minor);
}

/** Minor units as a plain decimal string: 123450, "EUR" → "1234.50". */
export function toDecimalString(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const neg = minor < 0;
  const s = String(Math.abs(minor)).padStart(digits + 1, "0");
  const body = digits === 0 ? s : `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
  return neg ? `-${body}` : body;
}

/** "€1,234.50" in `locale`; exact (the number goes to Intl as a decimal string). */
// Building an Intl.NumberFormat costs ~20–50 µs; a 500-line invoice PDF formats 1,000+ amounts.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale = "en"): string {
  const key = `${locale}|${currency}`;
  let nf = moneyFormats.get(key);
  if (!nf) {
    const digits = minorDigits(currency);
    nf = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (moneyFormats.size < 500) moneyFormats.set(key, nf);
  }
  // Intl accepts decimal strings exactly; its type only lists number | bigint.
  return nf.format(toDecimalString(minor, currency) as unknown as number);
}
