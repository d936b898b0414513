// A manual exchange rate on an invoice: "1 unit of the invoice's currency = R units of the home
// (organization's) currency", typed as an exact decimal ("1.0845"). Used for reporting only (totals
// in the home currency); never fetched. The conversion is exact: BigInt, rounded once, half up.
import { minorDigits } from "./currency";
import { divRound, toSafeNumber } from "./rounding";

/** Up to 6 integer and 8 fractional digits, a dot or a comma; more than zero. */
const RATE = /^(\d{1,6})(?:[.,](\d{1,8}))?$/;

/** The rate in canonical form ("1,50" → "1.5", "007" → "7"), or null if it is not a positive decimal. */
export function normalizeRate(text: string): string | null {
  const m = RATE.exec(text.trim());
  if (!m) return null;
  const int = m[1].replace(/^0+(?=\d)/, "");
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (/^0*$/.test(int + frac)) return null;
  return frac ? `${int}.${frac}` : int;
}

/** `minor` units of `from` in `to` at `rate` (units of `to` per unit of `from`), in `to`'s minor units. */
export function convertMinor(minor: number, rate: string, from: string, to: string): number {
  const norm = normalizeRate(rate);
  if (!norm) throw new RangeError(`Not an exchange rate: ${rate}`);
  const [int, frac = ""] = norm.split(".");
  const rateNum = BigInt(int + frac);
  const shift = minorDigits(to) - minorDigits(from) - frac.length;
  const num = BigInt(minor) * rateNum * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const den = shift < 0 ? 10n ** BigInt(-shift) : 1n;
  return toSafeNumber(divRound(num, den, "half-up"));
}
