// Timer commands that could not reach the server (offline, server down) wait in IndexedDB and are
// sent again, in order, once the connection returns. Each carries the id the server uses to apply
// it at most once (lib/services/timer-commands.ts), so a replay from two tabs or after a lost answer
// is harmless. Commands belong to the user who made them: another user signing in on this browser
// never sends them.
import { openDB, type IDBPDatabase } from "idb";
import type { TTimerCommand } from "@/lib/validation/timer-commands";

export type TimerCommand = TTimerCommand & { id: string; at: string };

export interface QueuedCommand {
  seq?: number;
  userId: string;
  command: TimerCommand;
  queuedAt: string;
}

/** What the server answered, or a thrown error when the request never got an answer. */
export interface SendResult {
  status: number;
  body: unknown;
}
export type Sender = (command: TimerCommand) => Promise<SendResult>;

export interface ReplayReport {
  sent: number;
  /** Refused by the server (validation, a timer already running…): dropped, with the reason. */
  refused: { command: TimerCommand; message: string }[];
  remaining: number;
}

const DB_NAME = "timetracker";
const STORE = "timer-commands";

let opened: Promise<IDBPDatabase> | null = null;
function database(): Promise<IDBPDatabase> {
  opened ??= openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
    },
  });
  return opened;
}

/** Tests open a fresh fake IndexedDB per case. */
export function resetQueueConnection(): void {
  opened = null;
}

export async function enqueue(userId: string, command: TimerCommand): Promise<void> {
  const db = await database();
  await db.add(STORE, { userId, command, queuedAt: new Date().toISOString() } satisfies QueuedCommand);
}

/** The user's queued commands, oldest first. */
export async function pendingCommands(userId: string): Promise<QueuedCommand[]> {
  const db = await database();
  const all = (await db.getAll(STORE)) as QueuedCommand[];
  return all.filter((q) => q.userId === userId);
}

/** Worth trying again later: no answer, the server failing, rate limits, a lost session. */
export function isRetryable(status: number): boolean {
  return status >= 500 || status === 401 || status === 408 || status === 429;
}

/** The server's message; "" when it gave none (the page says so in the user's language). */
function messageOf(body: unknown): string {
  const m = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof m === "string" ? m : "";
}

async function replayLocked(userId: string, send: Sender): Promise<ReplayReport> {
  const report: ReplayReport = { sent: 0, refused: [], remaining: 0 };
  const queue = await pendingCommands(userId);
  for (const [i, q] of queue.entries()) {
    let res: SendResult;
    try {
      res = await send(q.command);
    } catch {
      report.remaining = queue.length - i;
      return report;
    }
    if (isRetryable(res.status)) {
      report.remaining = queue.length - i;
      return report;
    }
    if (res.status >= 400) report.refused.push({ command: q.command, message: messageOf(res.body) });
    else report.sent++;
    await (await database()).delete(STORE, q.seq!);
  }
  return report;
}

/**
 * Sends the user's queued commands in order. Stops at the first one that gets no answer (still
 * offline) or a retryable status, keeping it and the rest. One tab at a time (Web Locks), so two
 * tabs coming back online together do not both send the same queue.
 */
export async function replayQueue(userId: string, send: Sender): Promise<ReplayReport> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (locks) return locks.request("timetracker-timer-queue", () => replayLocked(userId, send));
  return replayLocked(userId, send);
}

/** What the timer looks like once the queued commands are applied to the last state the server sent. */
export function expectedTimer(
  serverRunning: boolean,
  queue: QueuedCommand[],
): { running: boolean; since: string | null; pending: number } {
  let running = serverRunning;
  let since: string | null = null;
  for (const { command } of queue) {
    running = command.kind !== "stop";
    since = running ? command.at : null;
  }
  return { running, since, pending: queue.length };
}
