// Single-use link tokens (password reset, invitations): 32 random bytes, base64url in the link;
// only their SHA-256 is stored. A fast hash is right here: the token has 256 bits of entropy, so
// there is nothing to brute-force, unlike a password.
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}
