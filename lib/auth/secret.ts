// The key that signs session tokens. NEXTAUTH_SECRET when set; otherwise a random one generated on
// first start and kept in DATA_DIR (mode 0600) so that `npm start` works with no set-up.
import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const g = globalThis as unknown as { __ttAuthSecret?: string };

export function authSecret(): string {
  if (g.__ttAuthSecret) return g.__ttAuthSecret;
  const e = env();
  if (e.NEXTAUTH_SECRET) return (g.__ttAuthSecret = e.NEXTAUTH_SECRET);
  const file = path.join(e.dataDir, "auth-secret");
  try {
    g.__ttAuthSecret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(e.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      g.__ttAuthSecret = secret;
    } catch {
      // Another process wrote it first: use theirs.
      g.__ttAuthSecret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return g.__ttAuthSecret;
}
