"use client";
// Idle detection: after the org's idle minutes without input while a timer runs, ask whether to
// keep the time, stop at the last activity, or discard the idle part (and keep going).
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/** The timer's resolveIdleAction, handed down by the layout (components never import app/). */
export type ResolveIdle = (input: {
  action: "keep" | "stop_at_last_activity" | "discard_idle";
  lastActivityAt: string;
}) => Promise<ActionResult<unknown>>;

const EVENTS = ["mousemove", "mousedown", "keydown", "scroll", "touchstart", "pointerdown"] as const;

export function IdleDialog({
  idleMinutes,
  resolveIdle,
  onDone,
}: {
  idleMinutes: number;
  resolveIdle: ResolveIdle;
  onDone: () => void;
}) {
  const t = useTranslations("IdleDialog");
  const last = useRef(0);
  const [idleSince, setIdleSince] = useState<number | null>(null);
  const [mins, setMins] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    last.current = Date.now();
    const touch = () => {
      if (!dialog.current?.open) last.current = Date.now();
    };
    for (const e of EVENTS) window.addEventListener(e, touch, { passive: true });
    const t = setInterval(() => {
      const idleMs = Date.now() - last.current;
      if (!dialog.current?.open && idleMs >= idleMinutes * 60_000) {
        setMins(Math.round(idleMs / 60_000));
        setIdleSince(last.current);
      }
    }, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, touch);
      clearInterval(t);
    };
  }, [idleMinutes]);

  useEffect(() => {
    if (idleSince && !dialog.current?.open) dialog.current?.showModal();
  }, [idleSince]);

  const answer = async (action: "keep" | "stop_at_last_activity" | "discard_idle") => {
    if (!idleSince) return;
    await resolveIdle({ action, lastActivityAt: new Date(idleSince).toISOString() });
    dialog.current?.close();
    last.current = Date.now();
    setIdleSince(null);
    onDone();
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="idle-h"
      className="m-auto rounded-lg p-6 shadow-xl backdrop:bg-black/40"
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id="idle-h" className="mb-2 text-lg font-semibold">
        {t("title", { minutes: mins })}
      </h2>
      <p className="mb-4 text-sm">{t("body")}</p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="rounded-md bg-blue-600 px-3 py-2 text-sm text-white"
          onClick={() => answer("keep")}
        >
          {t("keep")}
        </button>
        <button type="button" className="rounded-md border px-3 py-2 text-sm" onClick={() => answer("discard_idle")}>
          {t("discardIdle")}
        </button>
        <button
          type="button"
          className="rounded-md border px-3 py-2 text-sm"
          onClick={() => answer("stop_at_last_activity")}
        >
          {t("stopAtLast")}
        </button>
      </div>
    </dialog>
  );
}
