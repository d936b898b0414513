// Edit one task (any signed-in user); archived projects stay selectable for the task that uses one.
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { userOrRedirect } from "@/lib/auth/session";
import { listAssignees } from "@/lib/services/people";
import { pickerOptions } from "@/lib/services/pickers";
import { getTask } from "@/lib/services/tasks";
import { TaskFields } from "../_components/task-fields";
import { updateTaskAction } from "../actions";

export async function generateMetadata() {
  return { title: (await getTranslations("Task"))("title") };
}

export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await userOrRedirect();
  const { id } = await params;
  const task = await getTask(user, id).catch(() => null);
  if (!task) notFound();
  const t = await getTranslations("Task");
  const [picks, users] = await Promise.all([pickerOptions(user), listAssignees(user)]);
  const projects = picks.projects.some((p) => p.id === task.projectId)
    ? picks.projects
    : [{ id: task.projectId, label: t("archivedProject", { name: task.projectName }) }, ...picks.projects];
  return (
    <section className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-semibold">{t("title")}</h1>
      <ActionForm action={updateTaskAction} submitLabel={t("save")} successMessage={t("saved")}>
        <TaskFields projects={projects} users={users} t={task} />
      </ActionForm>
      <Link href="/tasks" className="mt-4 inline-block text-blue-700 underline">
        {t("back")}
      </Link>
    </section>
  );
}
