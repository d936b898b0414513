"use client";
// A small status strip, bottom left: offline, what waits to be sent, and what the last replay did.
// Announced politely to screen readers; nothing is shown while online with nothing waiting.
import { useTranslations } from "next-intl";
import { formatClock } from "./time-label";

export interface OfflineStatusProps {
  online: boolean;
  expected: { running: boolean; since: string | null; pending: number };
  notice: string | null;
  onDismiss: () => void;
}

export function OfflineStatus({ online, expected, notice, onDismiss }: OfflineStatusProps) {
  const t = useTranslations("OfflineStatus");
  const lines: string[] = [];
  if (!online) lines.push(t("offline"));
  if (expected.pending > 0) {
    const count = expected.pending;
    const at = expected.running && expected.since ? formatClock(expected.since) : "";
    lines.push(
      !expected.running
        ? t("pendingStopped", { count })
        : at
          ? t("pendingStartedAt", { count, time: at })
          : t("pendingStarted", { count }),
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
            {text.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {notice && online && expected.pending === 0 && (
            <button
              type="button"
              onClick={onDismiss}
              className="shrink-0 rounded px-1 font-medium underline hover:no-underline"
            >
              {t("dismiss")}
            </button>
          )}
        </>
      )}
    </div>
  );
}
