// TOTP (RFC 6238: SHA-1, 6 digits, 30 s steps, what every authenticator app speaks) and recovery
// codes. Pure functions over otplib 13's functional API; the clock is a parameter so tests fix it.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verifySync } from "otplib";

export const TOTP_PERIOD_SECONDS = 30;
/** One step either side: a phone clock up to ~30 s off, or a code typed as it changes, still works. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;

const TOTP_FORMAT = /^\d{6}$/;
const RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const RECOVERY_FORMAT = /^[a-z2-7]{16}$/;

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address an authenticator app scans. The label is the account's username. */
export function totpUri(secret: string, issuer: string, label: string): string {
  return generateURI({ issuer, label, secret });
}

/** Spaces and dashes dropped, lower case: "123 456" and "ABCD-EFGH-…" as typed. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, "").toLowerCase();
}

export function codeKind(input: string): "totp" | "recovery" | null {
  const code = normalizeCode(input);
  if (TOTP_FORMAT.test(code)) return "totp";
  if (RECOVERY_FORMAT.test(code)) return "recovery";
  return null;
}

/**
 * The time step the code belongs to, or null when it matches no step within the window, or only
 * steps at or before `afterStep` (a code already used: replay).
 */
export function verifyTotp(secret: string, code: string, opts: { now?: number; afterStep?: number | null } = {}) {
  const token = normalizeCode(code);
  if (!TOTP_FORMAT.test(token)) return null;
  const epoch = Math.floor((opts.now ?? Date.now()) / 1000);
  const res = verifySync({
    secret,
    token,
    epoch,
    epochTolerance: TOLERANCE_SECONDS,
    ...(opts.afterStep != null ? { afterTimeStep: opts.afterStep } : {}),
  });
  // The TOTP strategy reports the matched step (the union type also covers HOTP results).
  return res.valid && "timeStep" in res ? res.timeStep : null;
}

/** Ten codes of 80 random bits each, shown as abcd-efgh-ijkl-mnop. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    let bits = 0;
    let value = 0;
    let out = "";
    for (const b of bytes) {
      value = (value << 8) | b;
      bits += 8;
      while (bits >= 5) {
        out += RECOVERY_ALPHABET[(value >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    return out.match(/.{4}/g)!.join("-");
  });
}

/** SHA-256 is enough: 80 random bits leave nothing to guess offline (as with link tokens). */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeCode(code)).digest("base64url");
}
