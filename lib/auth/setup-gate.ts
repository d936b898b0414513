// The authoritative first-run check for pages (proxy.ts cannot query the database): until setup is
// complete, every page except the exempt ones redirects to /setup.
import "server-only";
import { redirect } from "next/navigation";
import { setupRedirectTarget } from "@/lib/services/installation";

export async function redirectUntilSetup(pathname: string): Promise<void> {
  const target = await setupRedirectTarget(pathname);
  if (target) redirect(target);
}
