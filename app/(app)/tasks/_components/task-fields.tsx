// The task form's fields.
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { TaskDto } from "@/lib/services/tasks";
import { formatHm } from "@/lib/time/duration-parse";
import { TASK_PRIORITIES, TASK_STATUS_LABELS, TASK_STATUSES } from "@/lib/validation/choices";

export function TaskFields({
  projects,
  users,
  projectId,
  t,
}: {
  projects: { id: string; label: string }[];
  users: { id: string; username: string }[];
  projectId?: string;
  t?: TaskDto;
}) {
  return (
    <>
      {t && <input type="hidden" name="id" value={t.id} />}
      <SelectField
        label="Project"
        name="projectId"
        placeholder="Choose a project"
        defaultValue={t?.projectId ?? projectId ?? ""}
        options={projects.map((p) => ({ value: p.id, label: p.label }))}
      />
      <TextField label="Task name" name="name" required defaultValue={t?.name} />
      <TextAreaField label="Description" name="description" defaultValue={t?.description} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Status"
          name="status"
          defaultValue={t?.status ?? "todo"}
          options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
        />
        <SelectField
          label="Priority"
          name="priority"
          defaultValue={t?.priority ?? "medium"}
          options={TASK_PRIORITIES.map((s) => ({ value: s, label: s }))}
        />
        <TextField
          label="Estimate"
          name="estimatedMinutes"
          hint="Such as 3h, 1h 30m or 1:30."
          defaultValue={t?.estimatedMinutes != null ? formatHm(t.estimatedMinutes * 60) : ""}
        />
        <TextField label="Due date" name="dueDate" type="date" defaultValue={t?.dueDate ?? ""} />
        <SelectField
          label="Assignee"
          name="assigneeId"
          placeholder="Nobody"
          defaultValue={t?.assigneeId ?? ""}
          options={users.map((u) => ({ value: u.id, label: u.username }))}
        />
      </div>
    </>
  );
}
