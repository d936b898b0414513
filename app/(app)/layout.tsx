// Layout of every signed-in page: first-run redirect, then the session checked against the database, then the shell.
import { LiveSync } from "@/components/live/live-sync";
import { AppShell } from "@/components/shell/app-shell";
import { HeaderTimer } from "@/components/timer/header-timer";
import { CommandCenter } from "@/components/palette/command-center";
import { userOrRedirect } from "@/lib/auth/session";
import { redirectUntilSetup } from "@/lib/auth/setup-gate";
import { recordPageRender } from "@/lib/observability/page-render";
import { getOrgSettings } from "@/lib/services/settings";
import { getRunningEntry } from "@/lib/services/timer";
import { countAutoDisabledWebhooks } from "@/lib/services/webhooks";
import { WebhooksDisabledBanner } from "@/components/webhooks/disabled-banner";
import { setThemeAction } from "./profile/actions";
import { resolveIdleAction, stopTimerAction, toggleTimerAction } from "./timer/actions";
import { loadPaletteAction } from "./palette/actions";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await redirectUntilSetup("/");
  const user = await userOrRedirect();
  await recordPageRender();
  const [running, org, hooksOff] = await Promise.all([
    getRunningEntry(user),
    getOrgSettings(),
    countAutoDisabledWebhooks(user),
  ]);
  // A start the driver could not read (Invalid Date) shows no header timer rather than a 500.
  const timer =
    running && Number.isFinite(running.start.getTime())
      ? {
          id: running.id,
          start: running.start.toISOString(),
          projectName: running.projectName,
          projectColor: running.projectColor,
          taskName: running.taskName,
        }
      : null;
  return (
    <AppShell
      user={user}
      setTheme={setThemeAction}
      headerSlot={
        <HeaderTimer
          running={timer}
          idleMinutes={org.idleTimeoutMinutes}
          stop={stopTimerAction}
          toggle={toggleTimerAction}
          resolveIdle={resolveIdleAction}
        />
      }
    >
      <WebhooksDisabledBanner {...hooksOff} />
      {children}
      {/* Command palette, shortcuts, offline queue and service worker (components/palette). */}
      <CommandCenter
        userId={user.id}
        isAdmin={user.role === "admin"}
        running={timer !== null}
        loadPalette={loadPaletteAction}
      />
      <LiveSync />
    </AppShell>
  );
}
