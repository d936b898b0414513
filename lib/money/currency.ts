// Currencies: ISO 4217 codes and their minor unit (EUR 2, JPY 0, KWD 3), taken from the runtime's ICU
// data so we carry no table of our own. Pure: client code may import it.

const FALLBACK_DIGITS = 2;

let known: Set<string> | null = null;

/** Every ISO 4217 code the runtime knows ("EUR", "USD", "JPY", …). */
export function currencyCodes(): string[] {
  return [...knownCodes()].sort();
}

function knownCodes(): Set<string> {
  known ??= new Set(Intl.supportedValuesOf("currency"));
  return known;
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCodes().has(code);
}

const digitsCache = new Map<string, number>();

/** Digits after the decimal point in `code`'s minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(code: string): number {
  let d = digitsCache.get(code);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits;
    } catch {
      d = FALLBACK_DIGITS;
    }
    d ??= FALLBACK_DIGITS;
    digitsCache.set(code, d);
  }
  return d;
}
