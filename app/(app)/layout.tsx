// Layout of every signed-in page: first-run redirect, then the session checked against the database, the
// two-factor policy, then the shell with the timer bar.
import { headers } from "next/headers";
import { TwoFactorBanner } from "@/components/account/two-factor-banner";
import { userOrRedirect } from "@/lib/auth/session";
import { enforceTwoFactorPolicy } from "@/lib/auth/two-factor-gate";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { recordPageRender } from "@/lib/observability/page-render";
import { SignedInShell } from "./signed-in-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await redirectUntilSetup("/");
  const user = await userOrRedirect();
  // The organization's two-factor policy: a countdown, then only the enrolment page (proxy.ts names the path).
  const twoFactor = await enforceTwoFactorPolicy(user, (await headers()).get("x-tt-pathname") ?? "");
  await recordPageRender();
  return (
    <SignedInShell user={user}>
      {twoFactor.required && !twoFactor.overdue && twoFactor.deadline && (
        <TwoFactorBanner deadline={twoFactor.deadline} />
      )}
      {children}
    </SignedInShell>
  );
}
