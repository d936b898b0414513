// The task form's fields.
import { FormField, SelectField, TextAreaField } from "@/components/forms/fields";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/validation/tasks";

export function TaskFields({
  projects,
  users,
  projectId,
}: {
  projects: { id: string; label: string }[];
  users: { id: string; username: string }[];
  projectId?: string;
}) {
  return (
    <>
      <SelectField label="Project" name="projectId" placeholder="Choose a project" defaultValue={projectId ?? ""} options={projects.map((p) => ({ value: p.id, label: p.label }))} />
      <FormField label="Task name" name="name" required />
      <TextAreaField label="Description" name="description" />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label="Status" name="status" defaultValue="todo" options={TASK_STATUSES.map((s) => ({ value: s, label: s.replace("_", " ") }))} />
        <SelectField label="Priority" name="priority" defaultValue="medium" options={TASK_PRIORITIES.map((s) => ({ value: s, label: s }))} />
        <FormField label="Estimate (hours)" name="estimatedMinutes" inputMode="decimal" />
        <FormField label="Due date" name="dueDate" type="date" />
        <SelectField label="Assignee" name="assigneeId" placeholder="Nobody" options={users.map((u) => ({ value: u.id, label: u.username }))} />
      </div>
    </>
  );
}
