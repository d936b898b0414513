// How the palette and the shortcuts change the timer: a command with a fresh id, sent to
// /api/v1/timer/commands, or queued in IndexedDB when the browser is offline or the request gets
// no answer (components/pwa/timer-queue.ts replays it later).
import type { TTimerCommand } from "@/lib/validation/timer-commands";
import { enqueue, pendingCommands, replayQueue, type SendResult, type TimerCommand } from "./timer-queue";

type NewCommand = Omit<TTimerCommand, "id" | "at"> & { kind: TTimerCommand["kind"] };

export const postTimerCommand = async (command: TimerCommand): Promise<SendResult> => {
  const res = await fetch("/api/v1/timer/commands", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(command),
    credentials: "same-origin",
  });
  return { status: res.status, body: await res.json().catch(() => null) };
};

/** A v4 UUID. crypto.randomUUID exists only on https or localhost; a LAN install may be plain http. */
export function newCommandId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type CommandOutcome =
  { state: "done"; body: unknown } | { state: "queued" } | { state: "refused"; status: number; message: string };

/**
 * Sends one command now, or queues it. Commands already waiting go first (order matters: a stop
 * queued offline must not overtake the start before it), so a new one joins the queue behind them.
 */
export async function sendTimerCommand(
  userId: string,
  next: NewCommand,
  opts: { send?: typeof postTimerCommand; online?: boolean; now?: Date } = {},
): Promise<CommandOutcome> {
  const send = opts.send ?? postTimerCommand;
  const command = { ...next, id: newCommandId(), at: (opts.now ?? new Date()).toISOString() } as TimerCommand;
  const online = opts.online ?? (typeof navigator === "undefined" || navigator.onLine);
  if (!online || (await pendingCommands(userId)).length > 0) {
    await enqueue(userId, command);
    if (!online) return { state: "queued" };
    const report = await replayQueue(userId, send);
    const refused = report.refused.find((r) => r.command.id === command.id);
    if (refused) return { state: "refused", status: 400, message: refused.message };
    const stillQueued = (await pendingCommands(userId)).some((q) => q.command.id === command.id);
    return stillQueued ? { state: "queued" } : { state: "done", body: null };
  }
  let res: SendResult;
  try {
    res = await send(command);
  } catch {
    await enqueue(userId, command);
    return { state: "queued" };
  }
  if (res.status >= 500) {
    await enqueue(userId, command);
    return { state: "queued" };
  }
  if (res.status >= 400) {
    const m = (res.body as { error?: { message?: string } } | null)?.error?.message;
    // "" when the server gave no message: the page words it (OfflineStatus.refused).
    return { state: "refused", status: res.status, message: m ?? "" };
  }
  return { state: "done", body: res.body };
}
