// The record of an applied timer command (timer_commands), written by the timer service inside the
// transaction that changes the timer, so a command is either applied and recorded or neither.
import "server-only";
import type { Prisma } from "@/lib/db";

export type TimerCommandKind = "start" | "stop" | "resume" | "switch";
export type TimerCommandOutcome = "started" | "stopped" | "nothing_running";

/** What the timer functions receive when they run on behalf of a queued command. */
export interface CommandRef {
  id: string;
  kind: TimerCommandKind;
}

export async function recordCommand(
  tx: Prisma.TransactionClient,
  cmd: CommandRef | undefined,
  userId: string,
  outcome: TimerCommandOutcome,
  entryId: string | null,
): Promise<void> {
  if (!cmd) return;
  await tx.timerCommand.create({ data: { id: cmd.id, userId, kind: cmd.kind, outcome, entryId } });
}
