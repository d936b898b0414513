"use client";
// A small status strip, bottom left: offline, what waits to be sent, and what the last replay did.
// Announced politely to screen readers; nothing is shown while online with nothing waiting.
import { formatClock } from "./time-label";

export interface OfflineStatusProps {
  online: boolean;
  expected: { running: boolean; since: string | null; pending: number };
  notice: string | null;
  onDismiss: () => void;
}

export function OfflineStatus({ online, expected, notice, onDismiss }: OfflineStatusProps) {
  const lines: string[] = [];
  if (!online) lines.push("You are offline. The page shows the last saved state.");
  if (expected.pending > 0) {
    const what = expected.running
      ? `Timer started${expected.since ? ` at ${formatClock(expected.since)}` : ""}`
      : "Timer stopped";
    lines.push(
      `${what} on this device; ${expected.pending === 1 ? "1 change waits" : `${expected.pending} changes wait`} to be sent.`,
    );
  }
  const text = [...lines, ...(notice ? [notice] : [])];
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="offline-status"
      className={
        text.length === 0
          ? "sr-only"
          : "fixed bottom-3 left-3 z-40 flex max-w-[calc(100vw-5rem)] items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-lg sm:max-w-md dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
      }
    >
      {text.length > 0 && (
        <>
          <div className="min-w-0">
            {text.map((t) => (
              <p key={t}>{t}</p>
            ))}
          </div>
          {notice && online && expected.pending === 0 && (
            <button
              type="button"
              onClick={onDismiss}
              className="shrink-0 rounded px-1 font-medium underline hover:no-underline"
            >
              Dismiss
            </button>
          )}
        </>
      )}
    </div>
  );
}
