"use server";
// Timer: start, switch, stop, restart an entry, the idle dialog's answer, and the timer bar's
// in-place edits, discard, picker options and quick project. The running entry lives on the
// server, so every tab sees the same timer; the services authorize.
import { defineAction, ZNoInput, type Revalidation } from "@/lib/action";
import { createQuickProject } from "@/lib/services/quick-project";
import { resolveIdle, restartEntry, startTimer, stopTimer, switchTimer } from "@/lib/services/timer";
import { discardRunningEntry, updateRunningEntry } from "@/lib/services/timer-edit";
import { timerOptions } from "@/lib/services/timer-options";
import { ZResolveIdle, ZRestartEntry, ZRunningUpdate, ZStartTimer } from "@/lib/validation/entries";
import { ZQuickProject } from "@/lib/validation/projects";

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

/** Timer bar: change the running entry's description, project, task, tags or billable flag. */
export const updateRunningAction = defineAction({
  name: "timer.update",
  access: "user",
  from: "object",
  input: ZRunningUpdate,
  run: async (actor, input) => ({ id: (await updateRunningEntry(actor, input)).id }),
  revalidate: everything,
});

/** Timer bar: delete the running entry, after the user confirmed. */
export const discardTimerAction = defineAction({
  name: "timer.discard",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: async (actor) => ({ discarded: (await discardRunningEntry(actor)) !== null }),
  revalidate: everything,
});

/** Timer bar: what the project, task and tag pickers offer (read when a picker first opens). */
export const timerOptionsAction = defineAction({
  name: "timer.options",
  access: "user",
  from: "object",
  input: ZNoInput,
  run: (actor) => timerOptions(actor),
});

/** Timer bar: a project typed into the picker (and its client when there is none yet). */
export const createQuickProjectAction = defineAction({
  name: "timer.create_project",
  access: "user",
  from: "object",
  input: ZQuickProject,
  run: async (actor, input) => {
    const p = await createQuickProject(actor, input);
    return { id: p.id, name: p.name, color: p.color, clientName: p.clientName };
  },
  revalidate: [["/", "layout"]],
});
