"use client";
// The running timer in the header of every page: live elapsed time, a stop button, the
// Alt+Shift+T shortcut (stop, or resume the last entry), and idle detection. State lives on the
// server; the header re-reads it when the tab regains focus, so a second tab stays in step.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useActionCall } from "@/components/forms/use-action-call";
import type { ActionResult } from "@/lib/errors";
import { formatHm } from "@/lib/time/duration-parse";
import { IdleDialog, type ResolveIdle } from "./idle-dialog";

export interface RunningTimer {
  id: string;
  start: string;
  projectName: string;
  projectColor: string;
  taskName: string | null;
}

/** stopTimerAction / toggleTimerAction: server actions without input. */
type ActionLike = (input: Record<string, never>) => Promise<ActionResult<unknown>>;

function elapsed(start: string, now: number): string {
  const secs = Math.max(0, Math.floor((now - Date.parse(start)) / 1000));
  return `${formatHm(secs - (secs % 60))}:${String(secs % 60).padStart(2, "0")}`;
}

export function HeaderTimer({
  running,
  idleMinutes,
  stop,
  toggle,
  resolveIdle,
}: {
  running: RunningTimer | null;
  idleMinutes: number;
  stop: ActionLike;
  toggle: ActionLike;
  resolveIdle: ResolveIdle;
}) {
  const router = useRouter();
  const [now, setNow] = useState(() => Date.now());
  const { pending, message: error, call } = useActionCall();

  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);

  useEffect(() => {
    const sync = () => document.visibilityState === "visible" && router.refresh();
    document.addEventListener("visibilitychange", sync);
    window.addEventListener("focus", sync);
    return () => {
      document.removeEventListener("visibilitychange", sync);
      window.removeEventListener("focus", sync);
    };
  }, [router]);

  const run = (fn: ActionLike) => call(() => fn({}));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === "KeyT") {
        e.preventDefault();
        run(toggle);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="flex items-center gap-2 text-sm" data-testid="header-timer" aria-keyshortcuts="Alt+Shift+T">
      {running ? (
        <>
          <span
            aria-hidden
            className="inline-block h-2.5 w-2.5 animate-pulse rounded-full"
            style={{ background: running.projectColor }}
          />
          <Link
            href="/timer"
            className="max-w-40 truncate hover:underline"
            title={running.taskName ?? running.projectName}
          >
            {running.projectName}
          </Link>
          <span className="font-mono tabular-nums" data-testid="elapsed" role="timer" aria-label="Elapsed time">
            {elapsed(running.start, now)}
          </span>
          <button
            type="button"
            onClick={() => run(stop)}
            disabled={pending}
            className="rounded-md bg-red-600 px-2 py-1 font-medium text-white hover:bg-red-700"
            data-testid="header-stop"
          >
            Stop
          </button>
          {idleMinutes > 0 && (
            <IdleDialog idleMinutes={idleMinutes} resolveIdle={resolveIdle} onDone={() => router.refresh()} />
          )}
        </>
      ) : (
        <Link href="/timer" className="text-slate-600 hover:underline dark:text-slate-300">
          No timer running
        </Link>
      )}
      <span role="status" aria-live="polite" className="text-red-700 dark:text-red-400">
        {error}
      </span>
    </div>
  );
}
