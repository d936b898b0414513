// What the layout hands the timer bar and the dashboard's timer card: the running entry as plain
// data, and the timer's server actions (components never import app/).
import type { ActionResult } from "@/lib/errors";
import type { TimerOptions } from "@/lib/services/timer-options";
import type { TRunningUpdate } from "@/lib/validation/entries";
import type { TQuickProject } from "@/lib/validation/projects";
import type { ResolveIdle } from "./idle-dialog";

export interface RunningTimer {
  id: string;
  /** ISO instant. */
  start: string;
  notes: string;
  projectId: string | null;
  projectName: string | null;
  projectColor: string | null;
  clientName: string | null;
  taskId: string | null;
  taskName: string | null;
  tags: string[];
  billable: boolean;
  /** Date.now() on the server at render: the elapsed time's first value (the same on server and client). */
  renderedAt: number;
}

export interface QuickProject {
  id: string;
  name: string;
  color: string;
  clientName: string;
}

type NoInput = (input: Record<string, never>) => Promise<ActionResult<unknown>>;

export interface TimerActions {
  /** startTimerAction (a form action: notes, projectId, taskId, tags, billable). */
  start: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
  stop: NoInput;
  toggle: NoInput;
  discard: NoInput;
  update: (input: TRunningUpdate) => Promise<ActionResult<unknown>>;
  options: (input: Record<string, never>) => Promise<ActionResult<TimerOptions>>;
  createProject: (input: TQuickProject) => Promise<ActionResult<QuickProject>>;
  resolveIdle: ResolveIdle;
}

export type { TimerOptions };
