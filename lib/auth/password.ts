// Password hashing with scrypt (a memory-hard KDF built into Node; no native addon to compile).
// Format: scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>, so parameters can be raised later.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { env, type TEnv } from "@/lib/env";

/** The production cost: N = 2^15 (32 MiB, ~0.1 s per hash). */
export const LOG_N = 15;
const R = 8;
const P = 1;
const KEYLEN = 64;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const opts: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Cost of new hashes: LOG_N, except under NODE_ENV=test when the suite sets TEST_PASSWORD_HASH_LOG_N
 * (tests/helpers/setup-env.ts: thousands of hashes at 0.1-0.4 s each would dominate the suite). */
export function hashLogN(e: Pick<TEnv, "NODE_ENV" | "TEST_PASSWORD_HASH_LOG_N"> = env()): number {
  return e.NODE_ENV === "test" && e.TEST_PASSWORD_HASH_LOG_N !== undefined ? e.TEST_PASSWORD_HASH_LOG_N : LOG_N;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const logN = hashLogN();
  const key = await derive(password, salt, logN, R, P);
  return ["scrypt", logN, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (![logN, r, p].every(Number.isInteger) || logN > 20) return false;
  const expected = Buffer.from(parts[5], "base64");
  const key = await derive(password, Buffer.from(parts[4], "base64"), logN, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// Verified against when the username does not exist, so both paths cost the same time.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}
