// The client's address for rate limits in server actions: X-Forwarded-For exactly as
// lib/security/forwarded-guard.ts left it (the peer, or what a trusted proxy reported). Never stored
// as is: the rate limits keep a keyed hash (login-limits.ts).
import "server-only";

export async function requestClientAddress(): Promise<string> {
  const { headers } = await import("next/headers");
  return (await headers()).get("x-forwarded-for")?.trim() || "unknown";
}
