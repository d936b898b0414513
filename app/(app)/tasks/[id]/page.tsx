// Edit one task (any signed-in user); archived projects stay selectable for the task that uses one.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { userOrRedirect } from "@/lib/auth/session";
import { listAssignees } from "@/lib/services/people";
import { pickerOptions } from "@/lib/services/pickers";
import { getTask } from "@/lib/services/tasks";
import { TaskFields } from "../_components/task-fields";
import { updateTaskAction } from "../actions";

export const metadata = { title: "Edit task" };

export default async function EditTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await userOrRedirect();
  const { id } = await params;
  const task = await getTask(user, id).catch(() => null);
  if (!task) notFound();
  const [picks, users] = await Promise.all([pickerOptions(user), listAssignees(user)]);
  const projects = picks.projects.some((p) => p.id === task.projectId)
    ? picks.projects
    : [{ id: task.projectId, label: `${task.projectName} (archived)` }, ...picks.projects];
  return (
    <section className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-semibold">Edit task</h1>
      <ActionForm action={updateTaskAction} submitLabel="Save task" successMessage="Task saved.">
        <TaskFields projects={projects} users={users} t={task} />
      </ActionForm>
      <Link href="/tasks" className="mt-4 inline-block text-blue-700 underline">
        Back to tasks
      </Link>
    </section>
  );
}
