"use server";
// Timer: start, switch, stop, restart an entry, and the idle dialog's answer. The running entry
// lives on the server, so every tab sees the same timer; the services authorize.
import { defineAction, ZNoInput, type Revalidation } from "@/lib/action";
import { resolveIdle, restartEntry, startTimer, stopTimer, switchTimer } from "@/lib/services/timer";
import { ZResolveIdle, ZRestartEntry, ZStartTimer } from "@/lib/validation/entries";

// The header timer is on every page.
const everything: Revalidation[] = [["/", "layout"]];

export const startTimerAction = defineAction({
  name: "timer.start",
  access: "user",
  from: "form",
  input: ZStartTimer,
  checkboxes: ["billable"],
  run: async (actor, input) => ({ id: (await startTimer(actor, input)).id }),
  revalidate: everything,
});

export const switchTimerAction = defineAction({
  name: "timer.switch",
  access: "user",
  from: "form",
  input: ZStartTimer,
  checkboxes: ["billable"],
  run: async (actor, input) => ({ id: (await switchTimer(actor, input)).started.id }),
  revalidate: everything,
});

export const stopTimerAction = defineAction({
  name: "timer.stop",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: async (actor) => void (await stopTimer(actor)),
  revalidate: everything,
});

/** Restarts the given entry (or the last one when no id is sent). */
export const restartEntryAction = defineAction({
  name: "timer.restart",
  access: "user",
  from: "form",
  input: ZRestartEntry,
  run: async (actor, input) => ({ id: (await restartEntry(actor, input)).id }),
  revalidate: everything,
});

/** Keyboard shortcut: stop when running, else resume the last entry. */
export const toggleTimerAction = defineAction({
  name: "timer.toggle",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: async (actor): Promise<"stopped" | "started"> => {
    if (await stopTimer(actor)) return "stopped";
    await restartEntry(actor);
    return "started";
  },
  revalidate: everything,
});

export const resolveIdleAction = defineAction({
  name: "timer.idle",
  access: "user",
  from: "object",
  input: ZResolveIdle,
  run: async (actor, input) => void (await resolveIdle(actor, input)),
  revalidate: everything,
});
