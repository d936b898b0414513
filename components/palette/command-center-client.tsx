"use client";
// Everything keyboard- and offline-related that sits on every signed-in page: the command palette,
// the shortcuts and their "?" overlay, the offline status strip and the service worker registration.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { OfflineStatus } from "@/components/pwa/offline-status";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { useTimerCommands } from "@/components/pwa/use-timer-commands";
import type { PaletteData } from "@/lib/services/palette";
import { DESTINATIONS, NEW_ENTRY_HREF } from "./destinations";
import { loadPaletteData, type LoadPalette } from "./palette-data";
import { ShortcutHelp, type ShortcutRow } from "./shortcut-help";
import { createShortcutHandler, isPaletteKey, type Shortcut } from "./shortcuts";

// cmdk and its dialog load on the first Ctrl/Cmd+K, not with every page.
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** The palette, the overlay, or any other modal (the idle dialog): shortcuts wait until it closes. */
function isModalOpen(): boolean {
  return document.querySelector("dialog[open], [role='dialog'], [role='alertdialog']") !== null;
}

export interface CommandCenterProps {
  userId: string;
  isAdmin: boolean;
  /** The running timer as the server last rendered it. */
  running: boolean;
  loadPalette: LoadPalette;
  serviceWorker: boolean;
}

export function CommandCenterClient({ userId, isAdmin, running, loadPalette, serviceWorker }: CommandCenterProps) {
  const t = useTranslations("Shortcuts");
  const place = useTranslations("Destinations");
  const offline = useTranslations("Palette")("offline");
  const router = useRouter();
  const timer = useTimerCommands(userId, running);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [paletteUsed, setPaletteUsed] = useState(false);
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
      setLoadError(r.offline ? offline : r.error);
    });
    return () => {
      live = false;
    };
  }, [paletteOpen, data, loadError, userId, loadPalette, offline]);

  const toggleTimer = () => void timer.send(isRunning ? { kind: "stop" } : { kind: "resume" });

  const shortcuts: Shortcut[] = useMemo(
    () => [
      { keys: "?", label: t("help"), run: () => setHelpOpen(true) },
      { keys: "s", label: t("toggleTimer"), run: toggleTimer },
      { keys: "n", label: t("newEntry"), run: () => router.push(NEW_ENTRY_HREF) },
      ...DESTINATIONS.filter((d) => isAdmin || !d.adminOnly).map((d) => ({
        keys: `g ${d.key}`,
        label: t("goTo", { page: place(d.label) }),
        run: () => router.push(d.href),
      })),
    ],
    // toggleTimer reads the current state on each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [isAdmin, router, isRunning, timer.send, t, place],
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
        setPaletteUsed(true);
        setPaletteOpen((o) => !o);
        return;
      }
      // Read from the page, not from React state: a key right after Esc must not race a re-render.
      if (isModalOpen()) return;
      handler.current(e);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const rows: ShortcutRow[] = [
    { keys: [t("paletteKeys")], label: t("open") },
    ...shortcuts.map((s) => ({ keys: s.keys.split(" "), label: s.label })),
  ];

  return (
    <>
      {/* Touch screens have no Ctrl+K: the same palette from a button. */}
      <button
        type="button"
        onClick={() => {
          setPaletteUsed(true);
          setPaletteOpen(true);
        }}
        aria-label={t("open")}
        aria-keyshortcuts="Control+K Meta+K"
        title={t("openTitle")}
        data-testid="palette-button"
        className="fixed right-3 bottom-3 z-40 flex h-11 w-11 items-center justify-center rounded-full bg-blue-600 text-white shadow-lg hover:bg-blue-700"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" strokeLinecap="round" />
        </svg>
      </button>
      {paletteUsed && (
        <CommandPalette
          open={paletteOpen}
          onOpenChange={setPaletteOpen}
          data={data}
          loadError={loadError}
          running={isRunning}
          isAdmin={isAdmin}
          onTimer={(c) => void timer.send(c)}
        />
      )}
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
