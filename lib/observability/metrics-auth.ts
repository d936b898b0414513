// Guards /metrics: when METRICS_TOKEN is set, only `Authorization: Bearer <token>` gets in. The
// comparison is constant-time (both sides hashed to equal length first).
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

export function metricsAuthorized(expected: string | undefined, authorization: string | null): boolean {
  if (!expected) return true;
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  const given = m?.[1]?.trim() ?? "";
  return timingSafeEqual(digest(given), digest(expected)) && given.length > 0;
}
