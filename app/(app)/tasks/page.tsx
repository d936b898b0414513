// Tasks: a list or a kanban board, filtered to all, mine or overdue; and a form to add one.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DeleteButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { QueryErrors } from "@/components/forms/query-errors";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import { userOrRedirect } from "@/lib/auth/session";
import { timezoneOf } from "@/lib/services/entry-input";
import { listAssignees } from "@/lib/services/people";
import { pickerOptions } from "@/lib/services/pickers";
import { listTasks } from "@/lib/services/tasks";
import { dateKey } from "@/lib/time/tz";
import { CLOSED_STATUSES } from "@/lib/validation/tasks";
import { parsePageQuery, ZTasksPageQuery } from "@/lib/validation/search-params";
import { TaskBoard } from "./_components/task-board";
import { TaskFields } from "./_components/task-fields";
import { createTaskAction, deleteTaskAction, moveTaskAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Tasks"))("title") };
}

type SP = Promise<Record<string, string | string[] | undefined>>;

export default async function TasksPage({ searchParams }: { searchParams: SP }) {
  const user = await userOrRedirect();
  const { data: sp, fieldErrors } = parsePageQuery(ZTasksPageQuery, await searchParams);
  const { view, filter } = sp;
  const tr = await getTranslations("Tasks");
  const status = await getTranslations("TaskStatus");
  const priority = await getTranslations("TaskPriority");
  const today = dateKey(new Date(), await timezoneOf(user.id));
  const [tasks, picks, users] = await Promise.all([
    listTasks(user, {
      projectId: sp.projectId ?? undefined,
      assigneeId: filter === "mine" ? user.id : undefined,
      overdueBefore: filter === "overdue" ? today : undefined,
    }),
    pickerOptions(user),
    listAssignees(user),
  ]);
  const link = (over: Record<string, string>) => `/tasks?${new URLSearchParams({ view, filter, ...over })}`;
  const tab = (active: boolean) => `rounded-md px-3 py-1 text-sm ${active ? "bg-blue-600 text-white" : "border"}`;
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="tasks-h">
        <QueryErrors fieldErrors={fieldErrors} />
        <div className="mb-4 flex flex-wrap items-center gap-2">
          <h1 id="tasks-h" className="mr-4 text-2xl font-semibold">
            {tr("title")}
          </h1>
          <nav aria-label={tr("filters")} className="flex gap-2">
            <Link
              href={link({ filter: "all" })}
              className={tab(filter === "all")}
              aria-current={filter === "all" ? "page" : undefined}
            >
              {tr("all")}
            </Link>
            <Link
              href={link({ filter: "mine" })}
              className={tab(filter === "mine")}
              aria-current={filter === "mine" ? "page" : undefined}
            >
              {tr("mine")}
            </Link>
            <Link
              href={link({ filter: "overdue" })}
              className={tab(filter === "overdue")}
              aria-current={filter === "overdue" ? "page" : undefined}
            >
              {tr("overdue")}
            </Link>
          </nav>
          <nav aria-label={tr("views")} className="ml-auto flex gap-2">
            <Link href={link({ view: "board" })} className={tab(view === "board")}>
              {tr("board")}
            </Link>
            <Link href={link({ view: "list" })} className={tab(view === "list")}>
              {tr("list")}
            </Link>
          </nav>
        </div>
        {tasks.length === 0 ? (
          <EmptyState title={filter === "overdue" ? tr("overdueEmptyTitle") : tr("emptyTitle")}>
            {tr("emptyBody")}
          </EmptyState>
        ) : view === "board" ? (
          <TaskBoard tasks={tasks} move={moveTaskAction} />
        ) : (
          <Table
            caption={tr("title")}
            columns={[
              tr("task"),
              tr("project"),
              tr("status"),
              tr("priority"),
              tr("due"),
              tr("assignee"),
              { label: tr("actions"), srOnly: true },
            ]}
          >
            {tasks.map((t) => (
              <tr key={t.id} className="border-t border-slate-200 dark:border-slate-700">
                <td className="py-2">
                  <Link href={`/tasks/${t.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                    {t.name}
                  </Link>
                </td>
                <td>{t.projectName}</td>
                <td>{status(t.status)}</td>
                <td>{priority(t.priority)}</td>
                <td
                  className={
                    t.dueDate && t.dueDate < today && !CLOSED_STATUSES.includes(t.status)
                      ? "font-semibold text-red-700"
                      : ""
                  }
                >
                  {t.dueDate ?? "—"}
                </td>
                <td>{t.assigneeName ?? "—"}</td>
                <td className="text-right">
                  {(t.createdById === user.id || user.role === "admin") && (
                    <DeleteButton action={deleteTaskAction} id={t.id} confirm={tr("deleteConfirm")} />
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section aria-labelledby="new-task-h" className="max-w-2xl">
        <h2 id="new-task-h" className="mb-3 text-xl font-semibold">
          {tr("newTitle")}
        </h2>
        {picks.projects.length === 0 ? (
          <EmptyState title={tr("noProjectTitle")}>{tr("noProjectBody")}</EmptyState>
        ) : (
          <ActionForm
            action={createTaskAction}
            submitLabel={tr("add")}
            successMessage={tr("added")}
            resetOnSuccess
            testId="task-form"
          >
            <TaskFields projects={picks.projects} users={users} projectId={sp.projectId ?? undefined} />
          </ActionForm>
        )}
      </section>
    </div>
  );
}
