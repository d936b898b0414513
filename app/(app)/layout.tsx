// Layout of every signed-in page: checks the session against the database, then draws the shell.
import { AppShell } from "@/components/shell/app-shell";
import { userOrRedirect } from "@/lib/auth/session";
import { recordPageRender } from "@/lib/observability/page-render";
import { setThemeAction } from "./profile/actions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await userOrRedirect();
  await recordPageRender();
  return (
    <AppShell user={user} setTheme={setThemeAction}>
      {children}
    </AppShell>
  );
}
