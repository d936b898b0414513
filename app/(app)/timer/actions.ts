"use server";
// Timer: start, switch, stop, restart an entry, and the idle dialog's answer. Each action
// authorizes itself; the running entry lives on the server, so every tab sees the same timer.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { resolveIdle, restartEntry, startTimer, stopTimer, switchTimer } from "@/lib/services/timer";
import { formField, formId, formObject } from "@/lib/validation/form";

const startInput = (form: FormData) => {
  const o = formObject(form);
  // The billable box is tri-state: "default" leaves it to the project.
  return { ...o, billable: o.billable === "default" ? undefined : formField(form, "billable") === "on" } as never;
};

function refresh() {
  revalidatePath("/", "layout");
}

export async function startTimerAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("timer.start", async () => {
    const user = await requireUser();
    const e = await startTimer(user, startInput(form));
    refresh();
    return { id: e.id };
  });
}

export async function switchTimerAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("timer.switch", async () => {
    const user = await requireUser();
    const { started } = await switchTimer(user, startInput(form));
    refresh();
    return { id: started.id };
  });
}

export async function stopTimerAction(): Promise<ActionResult<null>> {
  return runAction("timer.stop", async () => {
    const user = await requireUser();
    await stopTimer(user);
    refresh();
    return null;
  });
}

/** Restarts the given entry (or the last one when no id is sent). */
export async function restartEntryAction(_prev: unknown, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction("timer.restart", async () => {
    const user = await requireUser();
    const e = await restartEntry(user, formId(form) || undefined);
    refresh();
    return { id: e.id };
  });
}

/** Keyboard shortcut: stop when running, else resume the last entry. */
export async function toggleTimerAction(): Promise<ActionResult<"stopped" | "started">> {
  return runAction("timer.toggle", async () => {
    const user = await requireUser();
    const stopped = await stopTimer(user);
    if (!stopped) await restartEntry(user);
    refresh();
    return stopped ? "stopped" : "started";
  });
}

const ZIdle = z.object({
  action: z.enum(["keep", "stop_at_last_activity", "discard_idle"]),
  lastActivityAt: z.coerce.date(),
});

export async function resolveIdleAction(input: {
  action: string;
  lastActivityAt: string;
}): Promise<ActionResult<null>> {
  return runAction("timer.idle", async () => {
    const user = await requireUser();
    const { action, lastActivityAt } = ZIdle.parse(input);
    await resolveIdle(user, action, lastActivityAt);
    refresh();
    return null;
  });
}
