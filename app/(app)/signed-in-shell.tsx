// The shell with its timer bar for a signed-in user: used by the (app) layout and by the root 404
// page, so an unknown address still shows the sidebar, the timer and a way back.
import { cookies } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { SIDEBAR_COOKIE } from "@/components/shell/sidebar-cookie";
import { TimerBar } from "@/components/timer/timer-bar";
import type { SessionUser } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/services/settings";
import { getRunningEntry } from "@/lib/services/timer";
import { countAutoDisabledWebhooks } from "@/lib/services/webhooks";
import { LiveSync } from "@/components/live/live-sync";
import { CommandCenter } from "@/components/palette/command-center";
import { WebhooksDisabledBanner } from "@/components/webhooks/disabled-banner";
import { loadPaletteAction } from "./palette/actions";
import { setThemeAction } from "./profile/actions";
import { runningTimerOf, timerActions } from "./timer/timer-props";

export async function SignedInShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  // The running entry only: the pickers' options load when first opened.
  const [running, org, jar, hooksOff] = await Promise.all([
    getRunningEntry(user),
    getOrgSettings(),
    cookies(),
    countAutoDisabledWebhooks(user),
  ]);
  return (
    <AppShell
      user={user}
      setTheme={setThemeAction}
      sidebarCollapsed={jar.get(SIDEBAR_COOKIE)?.value === "collapsed"}
      timerSlot={
        <TimerBar running={runningTimerOf(running)} actions={timerActions} idleMinutes={org.idleTimeoutMinutes} />
      }
    >
      <WebhooksDisabledBanner {...hooksOff} />
      {children}
      {/* Command palette, shortcuts, offline queue and service worker (components/palette). */}
      <CommandCenter
        userId={user.id}
        isAdmin={user.role === "admin"}
        running={running !== null}
        loadPalette={loadPaletteAction}
      />
      {/* Live updates from other tabs, devices and the API (Server-Sent Events). */}
      <LiveSync />
    </AppShell>
  );
}
