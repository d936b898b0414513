// The task form's fields.
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { TaskDto } from "@/lib/services/tasks";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/validation/tasks";

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
          options={TASK_STATUSES.map((s) => ({ value: s, label: s.replace("_", " ") }))}
        />
        <SelectField
          label="Priority"
          name="priority"
          defaultValue={t?.priority ?? "medium"}
          options={TASK_PRIORITIES.map((s) => ({ value: s, label: s }))}
        />
        <TextField
          label="Estimate (hours)"
          name="estimatedMinutes"
          inputMode="decimal"
          defaultValue={t?.estimatedMinutes != null ? String(t.estimatedMinutes / 60) : ""}
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
