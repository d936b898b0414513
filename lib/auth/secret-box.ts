// Encrypts small secrets at rest (the TOTP seeds) with AES-256-GCM under a key derived (HKDF) from
// the auth secret (secret.ts): a database dump or backup alone does not reveal them. Changing the
// auth secret makes stored seeds unreadable: those users sign in with a recovery code and enrol
// again, or an admin resets their second factor (docs/security.md).
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./secret";

const VERSION = "v1";

function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), Buffer.alloc(0), `timetracker:${purpose}`, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url parts); `purpose` separates keys per use. */
export function sealSecret(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plain text, or null when the value was sealed under another key or is malformed. */
export function openSecret(sealed: string, purpose: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
