// Whether the administrator allowed product analytics (the setup wizard's / admin page's choice).
// The Installation model arrives with the setup feature; until it exists, or while it has no row,
// the answer is "not allowed". Read through the client without a static type so this compiles before
// and after that model lands.
import "server-only";
import { db } from "@/lib/db";

type InstallationDelegate = { findFirst(args?: unknown): Promise<{ productAnalyticsEnabled?: unknown } | null> };

export async function readProductAnalyticsFlag(): Promise<boolean> {
  const model = (db() as unknown as { installation?: InstallationDelegate }).installation;
  if (!model || typeof model.findFirst !== "function") return false;
  const row = await model.findFirst();
  return row?.productAnalyticsEnabled === true;
}
