"use client";
// Everything keyboard- and offline-related that sits on every signed-in page: the command palette,
// the shortcuts and their "?" overlay, the offline status strip and the service worker registration.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { OfflineStatus } from "@/components/pwa/offline-status";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { useTimerCommands } from "@/components/pwa/use-timer-commands";
import type { PaletteData } from "@/lib/services/palette";
import { CommandPalette } from "./command-palette";
import { DESTINATIONS, NEW_ENTRY_HREF } from "./destinations";
import { loadPaletteData, type LoadPalette } from "./palette-data";
import { ShortcutHelp, type ShortcutRow } from "./shortcut-help";
import { createShortcutHandler, isPaletteKey, type Shortcut } from "./shortcuts";

export interface CommandCenterProps {
  userId: string;
  isAdmin: boolean;
  /** The running timer as the server last rendered it. */
  running: boolean;
  loadPalette: LoadPalette;
  serviceWorker: boolean;
}

export function CommandCenterClient({ userId, isAdmin, running, loadPalette, serviceWorker }: CommandCenterProps) {
  const router = useRouter();
  const timer = useTimerCommands(userId, running);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [data, setData] = useState<PaletteData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const isRunning = timer.expected.running;

  useEffect(() => {
    if (!paletteOpen || (data && !loadError)) return;
    let live = true;
    void loadPaletteData(userId, loadPalette).then((r) => {
      if (!live) return;
      setData(r.data);
      setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [paletteOpen, data, loadError, userId, loadPalette]);

  const toggleTimer = () => void timer.send(isRunning ? { kind: "stop" } : { kind: "resume" });

  const shortcuts: Shortcut[] = useMemo(
    () => [
      { keys: "?", label: "Show keyboard shortcuts", run: () => setHelpOpen(true) },
      { keys: "s", label: "Start or stop the timer (resumes the last entry)", run: toggleTimer },
      { keys: "n", label: "New time entry", run: () => router.push(NEW_ENTRY_HREF) },
      ...DESTINATIONS.filter((d) => isAdmin || !d.adminOnly).map((d) => ({
        keys: `g ${d.key}`,
        label: `Go to ${d.label}`,
        run: () => router.push(d.href),
      })),
    ],
    // toggleTimer reads the current state on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [isAdmin, router, isRunning, timer.send],
  );

  const handler = useRef<(e: KeyboardEvent) => boolean>(() => false);
  useEffect(() => {
    handler.current = createShortcutHandler(shortcuts);
  }, [shortcuts]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isPaletteKey(e)) {
        e.preventDefault();
        setHelpOpen(false);
        setPaletteOpen((o) => !o);
        return;
      }
      if (paletteOpen || helpOpen) return;
      handler.current(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [paletteOpen, helpOpen]);

  const rows: ShortcutRow[] = [
    { keys: ["Ctrl/⌘+K"], label: "Open the command palette" },
    ...shortcuts.map((s) => ({ keys: s.keys.split(" "), label: s.label })),
  ];

  return (
    <>
      <CommandPalette
        open={paletteOpen}
        onOpenChange={setPaletteOpen}
        data={data}
        loadError={loadError}
        running={isRunning}
        isAdmin={isAdmin}
        onTimer={(c) => void timer.send(c)}
      />
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} rows={rows} />
      <OfflineStatus
        online={timer.online}
        expected={timer.expected}
        notice={timer.notice}
        onDismiss={timer.clearNotice}
      />
      <RegisterServiceWorker enabled={serviceWorker} />
    </>
  );
}
