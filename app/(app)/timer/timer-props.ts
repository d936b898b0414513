// The timer bar's and the dashboard card's props, built once for both: the running entry as plain
// data, and the timer's server actions.
import type { RunningTimer, TimerActions } from "@/components/timer/timer-types";
import type { EntryDto } from "@/lib/services/entry-dto";
import {
  createQuickProjectAction,
  discardTimerAction,
  resolveIdleAction,
  startTimerAction,
  stopTimerAction,
  timerOptionsAction,
  toggleTimerAction,
  updateRunningAction,
} from "./actions";

export const timerActions: TimerActions = {
  start: startTimerAction,
  stop: stopTimerAction,
  toggle: toggleTimerAction,
  discard: discardTimerAction,
  update: updateRunningAction,
  options: timerOptionsAction,
  createProject: createQuickProjectAction,
  resolveIdle: resolveIdleAction,
};

/** A start the driver could not read (Invalid Date) shows no running timer rather than a 500. */
export function runningTimerOf(e: EntryDto | null): RunningTimer | null {
  if (!e || !Number.isFinite(e.start.getTime())) return null;
  return {
    id: e.id,
    start: e.start.toISOString(),
    notes: e.notes,
    projectId: e.projectId,
    projectName: e.projectName,
    projectColor: e.projectColor,
    clientName: e.clientName,
    taskId: e.taskId,
    taskName: e.taskName,
    tags: e.tags,
    billable: e.billable,
    renderedAt: Date.now(),
  };
}
