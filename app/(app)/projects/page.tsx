// Projects: list with hours and budget use, and a form to add one (needs a client first).
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { formatHours } from "@/lib/format";
import { userOrRedirect } from "@/lib/auth/session";
import { listClients } from "@/lib/services/clients";
import { projectTotals } from "@/lib/services/project-stats";
import { listProjects } from "@/lib/services/projects";
import { canSeeMoney } from "@/lib/services/settings";
import { BudgetBar } from "./_components/budget-bar";
import { ProjectFields } from "./_components/project-fields";
import { createProjectAction } from "./actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Projects"))("title") };
}

export default async function ProjectsPage() {
  const user = await userOrRedirect();
  const tr = await getTranslations("Projects");
  const [projects, clients, money] = await Promise.all([
    listProjects(user, { includeArchived: true }),
    listClients(user),
    canSeeMoney(user),
  ]);
  const totals = new Map(
    (
      await projectTotals(
        user,
        projects.map((p) => p.id),
      )
    ).map((t) => [t.projectId, t]),
  );
  return (
    <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="projects-h">
        <h1 id="projects-h" className="mb-4 text-2xl font-semibold">
          {tr("title")}
        </h1>
        {projects.length === 0 ? (
          <EmptyState title={tr("emptyTitle")}>{tr("emptyBody")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-2">
            {projects.map((p) => {
              const t = totals.get(p.id);
              return (
                <li
                  key={p.id}
                  className="grid grid-cols-[1fr_auto] gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
                >
                  <div>
                    <span
                      aria-hidden
                      className="mr-2 inline-block h-3 w-3 rounded-full"
                      style={{ background: p.color }}
                    />
                    <Link
                      href={`/projects/${p.id}`}
                      className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                    >
                      {p.name}
                    </Link>
                    <span className="ml-2 text-sm text-slate-500">{p.clientName}</span>
                    {p.archived && (
                      <span className="ml-2 rounded bg-slate-200 px-1 text-xs dark:bg-slate-700">{tr("archived")}</span>
                    )}
                  </div>
                  <span className="text-sm tabular-nums">{tr("hours", { hours: formatHours(t?.seconds ?? 0) })}</span>
                  {t && (
                    <div className="col-span-2">
                      <BudgetBar t={t} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-project-h">
        <h2 id="new-project-h" className="mb-4 text-xl font-semibold">
          {tr("newTitle")}
        </h2>
        {clients.length === 0 ? (
          <EmptyState title={tr("noClientTitle")}>
            {tr.rich("noClientBody", {
              link: (chunks) => (
                <Link href="/clients" className="text-blue-700 underline dark:text-blue-400">
                  {chunks}
                </Link>
              ),
            })}
          </EmptyState>
        ) : (
          <ActionForm
            action={createProjectAction}
            submitLabel={tr("add")}
            successMessage={tr("added")}
            resetOnSuccess
            testId="project-form"
          >
            <ProjectFields clients={clients} showMoney={money} />
          </ActionForm>
        )}
      </section>
    </div>
  );
}
