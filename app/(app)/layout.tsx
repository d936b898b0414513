// Layout of every signed-in page: first-run redirect, then the session checked against the database, then the shell
// with the timer bar.
import { userOrRedirect } from "@/lib/auth/session";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { recordPageRender } from "@/lib/observability/page-render";
import { SignedInShell } from "./signed-in-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await redirectUntilSetup("/");
  const user = await userOrRedirect();
  await recordPageRender();
  return <SignedInShell user={user}>{children}</SignedInShell>;
}
