// One project: hours, billable hours, amount, budget use with its alert, recent entries, tasks,
// and its settings (edit, archive, delete for admins).
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton, DeleteButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { formatHours, formatMoney } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { listClients } from "@/lib/services/clients";
import { listEntries } from "@/lib/services/entries";
import { timezoneOf } from "@/lib/services/entry-input";
import { projectTotals } from "@/lib/services/project-stats";
import { getProject } from "@/lib/services/projects";
import { canSeeMoney, getOrgSettings } from "@/lib/services/settings";
import { listTasks } from "@/lib/services/tasks";
import { ZEntryFilters } from "@/lib/validation/reports";
import { EntryTable } from "@/components/entries/entry-table";
import { deleteEntryAction, duplicateEntryAction } from "../../entries/actions";
import { BudgetBar } from "../_components/budget-bar";
import { ProjectFields } from "../_components/project-fields";
import { archiveProjectAction, deleteProjectAction, updateProjectAction } from "../actions";

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await userOrRedirect();
  const { id } = await params;
  const project = await getProject(user, id).catch(() => null);
  if (!project) notFound();
  const tz = await timezoneOf(user.id);
  const tr = await getTranslations("Project");
  const status = await getTranslations("TaskStatus");
  const [[totals], org, recent, tasks, clients, money] = await Promise.all([
    projectTotals(user, [id]),
    getOrgSettings(),
    listEntries(user, ZEntryFilters.parse({ projectId: id }), { limit: 10, tz }),
    listTasks(user, { projectId: id }),
    listClients(user, { includeArchived: true }),
    canSeeMoney(user),
  ]);
  const stat = (label: string, value: string) => (
    <div className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-wrap items-center gap-3">
        <span aria-hidden className="inline-block h-4 w-4 rounded-full" style={{ background: project.color }} />
        <h1 className="text-2xl font-semibold">{project.name}</h1>
        <span className="text-slate-500">{project.clientName}</span>
        {project.archived && (
          <span className="rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">{tr("archived")}</span>
        )}
        <div className="ml-auto flex gap-2">
          <ActionButton
            action={archiveProjectAction}
            fields={{ id, archived: String(!project.archived) }}
            label={project.archived ? tr("unarchive") : tr("archive")}
          />
          {user.role === "admin" && <DeleteButton action={deleteProjectAction} id={id} confirm={tr("deleteConfirm")} />}
        </div>
      </header>
      <dl className={`grid gap-3 ${money ? "sm:grid-cols-5" : "sm:grid-cols-2"}`} data-testid="project-stats">
        {stat(tr("totalHours"), formatHours(totals?.seconds ?? 0))}
        {stat(tr("billableHours"), formatHours(totals?.billableSeconds ?? 0))}
        {money && stat(tr("amount"), formatMoney(totals?.amountCents ?? 0, org.currency))}
        {money && stat(tr("billableExpenses"), formatMoney(totals?.expenseCents ?? 0, org.currency))}
        {money &&
          stat(
            tr("rate"),
            project.effectiveRateCents != null
              ? tr("perHour", { rate: formatMoney(project.effectiveRateCents, org.currency) })
              : "—",
          )}
      </dl>
      {totals && <BudgetBar t={totals} />}
      <section aria-labelledby="recent-h">
        <h2 id="recent-h" className="mb-2 text-xl font-semibold">
          {tr("recentTitle")}
        </h2>
        {recent.entries.length ? (
          <EntryTable
            entries={recent.entries}
            tz={tz}
            actions={{ duplicate: duplicateEntryAction, remove: deleteEntryAction }}
            showUser={user.role === "admin"}
          />
        ) : (
          <p className="text-sm text-slate-500">{tr("recentEmpty")}</p>
        )}
      </section>
      <section aria-labelledby="tasks-h">
        <h2 id="tasks-h" className="mb-2 text-xl font-semibold">
          {tr("tasksTitle")}
        </h2>
        {tasks.length ? (
          <ul className="flex flex-col gap-1 text-sm">
            {tasks.map((t) => (
              <li key={t.id}>
                {t.dueDate
                  ? tr("taskDue", { name: t.name, status: status(t.status), date: t.dueDate })
                  : tr("task", { name: t.name, status: status(t.status) })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{tr("tasksEmpty")}</p>
        )}
        <Link href={`/tasks?projectId=${id}`} className="mt-2 inline-block text-blue-700 underline">
          {tr("manageTasks")}
        </Link>
      </section>
      <section aria-labelledby="settings-h" className="max-w-2xl">
        <h2 id="settings-h" className="mb-2 text-xl font-semibold">
          {tr("settingsTitle")}
        </h2>
        <ActionForm action={updateProjectAction} submitLabel={tr("save")} successMessage={tr("saved")}>
          <ProjectFields p={project} clients={clients} showMoney={money} />
        </ActionForm>
      </section>
    </div>
  );
}
