"use client";
// The page's side of the offline queue: sends timer commands (or queues them), replays the queue
// when the browser comes back online (and every 20 s while something waits), and refreshes the
// page's server state once the server has taken them.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { postTimerCommand, sendTimerCommand, type CommandOutcome } from "./timer-commands";
import { expectedTimer, pendingCommands, replayQueue, type QueuedCommand } from "./timer-queue";

type NewCommand = Parameters<typeof sendTimerCommand>[1];

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useTimerCommands(userId: string, serverRunning: boolean) {
  const t = useTranslations("OfflineStatus");
  const router = useRouter();
  const [queue, setQueue] = useState<QueuedCommand[]>([]);
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const busy = useRef(false);

  const reload = useCallback(async () => setQueue(await pendingCommands(userId).catch(() => [])), [userId]);

  const replay = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const report = await replayQueue(userId, postTimerCommand).catch(() => null);
      await reload();
      if (!report || (report.sent === 0 && report.refused.length === 0)) return;
      const parts: string[] = [];
      if (report.sent) parts.push(t("replayed", { count: report.sent }));
      for (const r of report.refused) parts.push(t("notSaved", { message: r.message || t("refused") }));
      setNotice(parts.join(" "));
      router.refresh();
    } finally {
      busy.current = false;
    }
  }, [userId, reload, router, t]);

  useEffect(() => {
    pendingCommands(userId)
      .catch(() => [])
      .then((q) => {
        setQueue(q);
        if (navigator.onLine && q.length > 0) void replay();
      });
    const up = () => void replay();
    window.addEventListener("online", up);
    return () => window.removeEventListener("online", up);
  }, [userId, replay]);

  // The browser may say "online" before the server answers again: keep trying while work waits.
  useEffect(() => {
    if (!online || queue.length === 0) return;
    const t = setInterval(() => void replay(), 20_000);
    return () => clearInterval(t);
  }, [online, queue.length, replay]);

  const send = useCallback(
    async (command: NewCommand): Promise<CommandOutcome> => {
      let out: CommandOutcome;
      try {
        out = await sendTimerCommand(userId, command);
      } catch {
        out = { state: "refused", status: 0, message: t("noStorage") };
      }
      await reload();
      if (out.state === "done") {
        setNotice(null);
        router.refresh();
      } else if (out.state === "refused") setNotice(out.message || t("refused"));
      else setNotice(t("queued"));
      return out;
    },
    [userId, reload, router, t],
  );

  return {
    online,
    queue,
    expected: expectedTimer(serverRunning, queue),
    notice,
    clearNotice: () => setNotice(null),
    send,
  };
}
