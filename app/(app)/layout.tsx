// Layout of every signed-in page: first-run redirect, then the session checked against the database, then the shell.
import { AppShell } from "@/components/shell/app-shell";
import { userOrRedirect } from "@/lib/auth/session";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { recordPageRender } from "@/lib/observability/page-render";
import { setThemeAction } from "./profile/actions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await redirectUntilSetup("/");
  const user = await userOrRedirect();
  await recordPageRender();
  return (
    <AppShell user={user} setTheme={setThemeAction}>
      {children}
    </AppShell>
  );
}
