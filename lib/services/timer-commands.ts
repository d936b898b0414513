// Timer commands with an id (POST /api/v1/timer/commands): the command palette, the shortcuts and
// the offline queue send start/switch/stop/resume through here. A command id already applied is
// answered from the record instead of being applied again, so a replay never starts a second timer.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { MAX_COMMAND_AGE_MS, ZTimerCommand, type TTimerCommand } from "@/lib/validation/timer-commands";
import type { Actor } from "./actor";
import { isUniqueViolation } from "./prisma-errors";
import type { TimerCommandOutcome } from "./timer-command-log";
import { restartEntry, startTimer, stopTimer, switchTimer } from "./timer";

const KEEP_DAYS = 30;

export interface TimerCommandResult {
  /** True when this id had already been applied: nothing changed now. */
  duplicate: boolean;
  outcome: TimerCommandOutcome;
  entryId: string | null;
}

async function previous(actor: Actor, id: string): Promise<TimerCommandResult | null> {
  const row = await db().timerCommand.findUnique({ where: { id } });
  if (!row) return null;
  // Someone else's id looks like an id that cannot be used, never like their data.
  if (row.userId !== actor.id) throw new AppError("CONFLICT", "This command id was already used.");
  return { duplicate: true, outcome: row.outcome as TimerCommandOutcome, entryId: row.entryId };
}

function checkAt(at: Date | undefined): Date | undefined {
  if (!at) return undefined;
  const now = Date.now();
  if (at.getTime() > now + 60_000) throw new AppError("VALIDATION", "The time cannot be in the future.");
  if (at.getTime() < now - MAX_COMMAND_AGE_MS)
    throw new AppError("VALIDATION", "This change was made too long ago to be applied; enter it by hand.");
  return at;
}

async function apply(actor: Actor, cmd: ReturnType<typeof ZTimerCommand.parse>): Promise<TimerCommandResult> {
  const at = checkAt(cmd.at);
  const command = { id: cmd.id, kind: cmd.kind };
  switch (cmd.kind) {
    case "start": {
      const { id: _id, kind: _kind, at: _at, ...input } = cmd;
      const e = await startTimer(actor, input, { at, command });
      return { duplicate: false, outcome: "started", entryId: e.id };
    }
    case "switch": {
      const { id: _id, kind: _kind, at: _at, ...input } = cmd;
      const { started } = await switchTimer(actor, input, { at, command });
      return { duplicate: false, outcome: "started", entryId: started.id };
    }
    case "resume": {
      const e = await restartEntry(actor, {}, { at, command });
      return { duplicate: false, outcome: "started", entryId: e.id };
    }
    case "stop": {
      const e = await stopTimer(actor, { at }, { command });
      return { duplicate: false, outcome: e ? "stopped" : "nothing_running", entryId: e?.id ?? null };
    }
  }
}

/** Applies one command once: the first time it arrives; afterwards the first answer, unchanged. */
export async function applyTimerCommand(actor: Actor, input: TTimerCommand): Promise<TimerCommandResult> {
  const cmd = ZTimerCommand.parse(input);
  const seen = await previous(actor, cmd.id);
  if (seen) return seen;
  try {
    const out = await apply(actor, cmd);
    await pruneOldCommands();
    return out;
  } catch (err) {
    // The same id sent twice at once: the other request recorded it first (primary key), and its
    // transaction, timer change included, is the one that counts.
    if (err instanceof AppError || isUniqueViolation(err)) {
      const raced = await previous(actor, cmd.id);
      if (raced) return raced;
    }
    throw err;
  }
}

async function pruneOldCommands(): Promise<void> {
  const before = new Date(Date.now() - KEEP_DAYS * 24 * 60 * 60 * 1000);
  await db().timerCommand.deleteMany({ where: { createdAt: { lt: before } } });
}
