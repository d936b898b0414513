// Timer: what runs now, a form to start (or switch to) something, and recent work to restart.
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata() {
  return { title: (await getTranslations("TimerPage"))("title") };
}

export default async function TimerPage() {
  const user = await userOrRedirect();
  const tz = await timezoneOf(user.id);
  const [t, noProject] = await Promise.all([
    getTranslations("TimerPage"),
    getTranslations("Common").then((c) => c("noProject")),
  ]);
  const [running, picks, recent] = await Promise.all([
    getRunningEntry(user),
    pickerOptions(user),
    listEntries(user, ZEntryFilters.parse({}), { limit: 8, tz }),
  ]);
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="timer-h">
        <h1 id="timer-h" className="mb-4 text-2xl font-semibold">
          {t("title")}
        </h1>
        {running ? (
          <div
            className="mb-6 rounded-lg border border-blue-300 bg-blue-50 p-4 dark:border-blue-800 dark:bg-blue-950"
            data-testid="running-entry"
          >
            <p className="font-medium">
              {t("running", { project: running.projectName ?? noProject })}
              {running.taskName ? ` · ${running.taskName}` : ""}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t("startedAt", { time: formatDateTime(running.start, tz) })}
            </p>
            {running.notes && <p className="mt-1 text-sm">{running.notes}</p>}
            <div className="mt-3">
              <StopButton />
            </div>
          </div>
        ) : (
          <div className="mb-6">
            <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
            {recent.entries.some((e) => e.end) && (
              <div className="mt-3">
                <ActionButton action={restartEntryAction} fields={{}} label={t("resume")} variant="primary" />
              </div>
            )}
          </div>
        )}
        <ActionForm
          action={startTimerAction}
          submitLabel={t("start")}
          successMessage={t("started")}
          altAction={switchTimerAction}
          altLabel={t("switch")}
          testId="start-timer-form"
        >
          <ProjectTaskPicker projects={picks.projects} tasks={picks.tasks} />
          <TextField label={t("notes")} name="notes" />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={t("tags")} name="tags" hint={t("tagsHint")} />
            <BillableSelect />
          </div>
        </ActionForm>
      </section>
      <RecentEntries entries={recent.entries} restart={restartEntryAction} />
    </div>
  );
}
