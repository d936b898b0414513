// Entries: the week (day totals and a timesheet grid), manual and bulk entry, and the filtered list
// grouped by week and day (inline-editable rows, bulk changes, delete with Undo).
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { QueryErrors } from "@/components/forms/query-errors";
import { CheckboxField, TextField } from "@/components/ui/field";
import { BillableSelect, ProjectTaskPicker } from "@/components/timer/project-task-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay, formatHours } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { listEntries } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { filterOptions } from "@/lib/services/filter-options";
import { pickerOptions } from "@/lib/services/pickers";
import { getOrgSettings } from "@/lib/services/settings";
import { addDays, dateKey, startOfWeek } from "@/lib/time/tz";
import { weekData } from "@/lib/services/week";
import { paramsToObject } from "@/lib/validation/reports";
import { parsePageQuery, ZEntriesPageQuery } from "@/lib/validation/search-params";
import { EntryFilters } from "@/components/entries/filters";
import { EntryFields } from "./_components/entry-fields";
import { EntryList } from "@/components/entries/entry-list";
import { groupEntriesByDay } from "@/lib/services/entry-days";
import { WeekGrid, type GridRow } from "./_components/week-grid";
import {
  addGridTimeAction,
  bulkDeleteEntriesAction,
  bulkEntryAction,
  bulkUpdateEntriesAction,
  createEntryAction,
  deleteEntryAction,
  duplicateEntryAction,
  restoreEntriesAction,
  saveEntryRowAction,
} from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Entries"))("title") };
}

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function EntriesPage({ searchParams }: { searchParams: SP }) {
  const user = await userOrRedirect();
  const sp = paramsToObject(await searchParams);
  const { data: q, fieldErrors } = parsePageQuery(ZEntriesPageQuery, sp);
  const { week: weekParam, cursor, saved, overlap, ...filters } = q;
  const [tz, org] = await Promise.all([timezoneOf(user.id), getOrgSettings()]);
  const today = dateKey(new Date(), tz);
  const weekStart = startOfWeek(weekParam ?? today, org.weekStart);
  const [week, picks, options, page] = await Promise.all([
    weekData(user, weekStart, tz),
    pickerOptions(user),
    filterOptions(user),
    listEntries(user, filters, { cursor, tz }),
  ]);
  const t = await getTranslations("Entries");
  const noProject = (await getTranslations("Common"))("noProject");
  const rows = new Map<string, GridRow>();
  for (const c of week.cells) {
    const key = `${c.projectId}:${c.taskId}`;
    const row = rows.get(key) ?? {
      projectId: c.projectId,
      taskId: c.taskId,
      label: c.taskName ? `${c.projectName ?? noProject} · ${c.taskName}` : (c.projectName ?? noProject),
      seconds: {},
    };
    row.seconds[c.day] = (row.seconds[c.day] ?? 0) + c.seconds;
    rows.set(key, row);
  }
  // The inline rows' and the bulk bar's project/task choices: "projectId" or "projectId:taskId".
  const projectOptions = picks.projects.flatMap((p) => [
    { value: p.id, label: p.label },
    ...picks.tasks
      .filter((t) => t.projectId === p.id)
      .map((t) => ({ value: `${p.id}:${t.id}`, label: `${p.label} · ${t.name}` })),
  ]);
  const nextQuery = new URLSearchParams({ ...sp, cursor: page.nextCursor ?? "" }).toString();
  // The week's message above the week, the list's messages above the list.
  const { week: weekMessages, ...listErrors } = fieldErrors;
  const weekError: Record<string, string[]> = weekMessages ? { week: weekMessages } : {};
  return (
    <div className="flex flex-col gap-10">
      <section aria-labelledby="week-h">
        <QueryErrors fieldErrors={weekError} />
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <h1 id="week-h" className="text-2xl font-semibold">
            {t("weekOf", { date: formatDay(weekStart) })}
          </h1>
          <Link href={`/entries?week=${addDays(weekStart, -7)}`} className="rounded-md border px-2 py-1 text-sm">
            {t("previousWeek")}
          </Link>
          <Link href={`/entries?week=${today}`} className="rounded-md border px-2 py-1 text-sm">
            {t("thisWeek")}
          </Link>
          <Link href={`/entries?week=${addDays(weekStart, 7)}`} className="rounded-md border px-2 py-1 text-sm">
            {t("nextWeek")}
          </Link>
          <span className="ml-auto font-medium tabular-nums" data-testid="week-total">
            {t("weekTotal", { hours: formatHours(week.totalSeconds) })}
          </span>
        </div>
        <ol className="mb-4 grid grid-cols-7 gap-2 text-center text-sm" data-testid="week-days">
          {week.days.map((d) => (
            <li
              key={d}
              className={`rounded-md border p-2 ${d === today ? "border-blue-500" : "border-slate-200 dark:border-slate-700"}`}
            >
              <div className="text-slate-600 dark:text-slate-400">{formatDay(d)}</div>
              <div className="font-semibold tabular-nums">{formatHours(week.dayTotals[d] ?? 0)}</div>
            </li>
          ))}
        </ol>
        {rows.size === 0 && <EmptyState title={t("weekEmptyTitle")}>{t("weekEmptyBody")}</EmptyState>}
        <WeekGrid
          days={week.days}
          dayLabels={week.days.map(formatDay)}
          rows={[...rows.values()]}
          projects={picks.projects}
          addTime={addGridTimeAction}
        />
      </section>

      {picks.projects.length > 0 && (
        <section aria-labelledby="add-h" className="grid gap-8 lg:grid-cols-2">
          <div>
            <h2 id="add-h" className="mb-3 text-xl font-semibold">
              {t("addTitle")}
            </h2>
            <ActionForm
              action={createEntryAction}
              submitLabel={t("addSubmit")}
              successMessage={t("added")}
              resetOnSuccess
              testId="manual-entry-form"
            >
              <EntryFields d={{ date: today }} projects={picks.projects} tasks={picks.tasks} />
            </ActionForm>
          </div>
          <details className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <summary className="cursor-pointer font-semibold">{t("bulkTitle")}</summary>
            <div className="mt-3">
              <ActionForm
                action={bulkEntryAction}
                submitLabel={t("bulkSubmit")}
                successMessage={t("bulkAdded")}
                testId="bulk-entry-form"
              >
                <ProjectTaskPicker projects={picks.projects} tasks={picks.tasks} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField label={t("firstDay")} name="from" type="date" defaultValue={weekStart} />
                  <TextField label={t("lastDay")} name="to" type="date" defaultValue={addDays(weekStart, 4)} />
                  <TextField label={t("startTime")} name="startTime" type="time" defaultValue="09:00" />
                  <TextField label={t("hoursPerDay")} name="duration" placeholder={t("hoursPerDayPlaceholder")} />
                </div>
                <TextField label={t("notes")} name="notes" />
                <CheckboxField label={t("skipWeekends")} name="skipWeekends" defaultChecked />
                <BillableSelect />
              </ActionForm>
            </div>
          </details>
        </section>
      )}

      <section aria-labelledby="list-h">
        <h2 id="list-h" className="mb-3 text-xl font-semibold">
          {t("listTitle")}
        </h2>
        {saved && (
          <p role="status" className="mb-2 text-sm">
            {overlap ? t("savedOverlap") : t("saved")}
          </p>
        )}
        <QueryErrors fieldErrors={listErrors} />
        <EntryFilters f={filters} o={{ ...options, users: user.role === "admin" ? options.users : undefined }} />
        {page.entries.length === 0 ? (
          <EmptyState title={t("listEmptyTitle")}>{t("listEmptyBody")}</EmptyState>
        ) : (
          <EntryList
            weeks={await groupEntriesByDay(user, page.entries, filters, tz, org.weekStart)}
            projects={projectOptions}
            actions={{
              save: saveEntryRowAction,
              duplicate: duplicateEntryAction,
              remove: deleteEntryAction,
              restore: restoreEntriesAction,
              bulkUpdate: bulkUpdateEntriesAction,
              bulkDelete: bulkDeleteEntriesAction,
            }}
            showUser={user.role === "admin"}
          />
        )}
        {page.nextCursor && (
          <Link href={`/entries?${nextQuery}`} className="mt-3 inline-block text-blue-700 underline">
            {t("older")}
          </Link>
        )}
      </section>
    </div>
  );
}
