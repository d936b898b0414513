// Timer: what runs now, a form to start (or switch to) something, and recent work to restart.
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/ui/field";
import { BillableSelect, ProjectTaskPicker } from "@/components/timer/project-task-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { listEntries } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { pickerOptions } from "@/lib/services/pickers";
import { getRunningEntry } from "@/lib/services/timer";
import { ZEntryFilters } from "@/lib/validation/reports";
import { restartEntryAction, startTimerAction, switchTimerAction } from "./actions";
import { RecentEntries } from "@/components/timer/recent-entries";
import { StopButton } from "./_components/stop-button";

export const metadata = { title: "Timer" };

export default async function TimerPage() {
  const user = await userOrRedirect();
  const tz = await timezoneOf(user.id);
  const [running, picks, recent] = await Promise.all([
    getRunningEntry(user),
    pickerOptions(user),
    listEntries(user, ZEntryFilters.parse({}), { limit: 8, tz }),
  ]);
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="timer-h">
        <h1 id="timer-h" className="mb-4 text-2xl font-semibold">
          Timer
        </h1>
        {running ? (
          <div
            className="mb-6 rounded-lg border border-blue-300 bg-blue-50 p-4 dark:border-blue-800 dark:bg-blue-950"
            data-testid="running-entry"
          >
            <p className="font-medium">
              Running: {running.projectName ?? "No project"}
              {running.taskName ? ` · ${running.taskName}` : ""}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">Started {formatDateTime(running.start, tz)}</p>
            {running.notes && <p className="mt-1 text-sm">{running.notes}</p>}
            <div className="mt-3">
              <StopButton />
            </div>
          </div>
        ) : (
          <div className="mb-6">
            <EmptyState title="No timer running">
              Type what you are working on and start: the project can come later. Shortcut: Alt+Shift+T.
            </EmptyState>
            {recent.entries.some((e) => e.end) && (
              <div className="mt-3">
                <ActionButton action={restartEntryAction} fields={{}} label="Resume last entry" variant="primary" />
              </div>
            )}
          </div>
        )}
        <ActionForm
          action={startTimerAction}
          submitLabel="Start timer"
          successMessage="Timer started."
          altAction={switchTimerAction}
          altLabel="Switch to this instead"
          testId="start-timer-form"
        >
          <ProjectTaskPicker projects={picks.projects} tasks={picks.tasks} />
          <TextField label="What are you working on?" name="notes" />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Tags" name="tags" hint="Separate tags with commas." />
            <BillableSelect />
          </div>
        </ActionForm>
      </section>
      <RecentEntries entries={recent.entries} restart={restartEntryAction} />
    </div>
  );
}
