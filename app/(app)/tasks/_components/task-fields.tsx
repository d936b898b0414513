// The task form's fields.
import { useTranslations } from "next-intl";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { TaskDto } from "@/lib/services/tasks";
import { formatHm } from "@/lib/time/duration-parse";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/validation/choices";

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
  const tr = useTranslations("TaskFields");
  const status = useTranslations("TaskStatus");
  const priority = useTranslations("TaskPriority");
  return (
    <>
      {t && <input type="hidden" name="id" value={t.id} />}
      <SelectField
        label={tr("project")}
        name="projectId"
        placeholder={tr("projectPlaceholder")}
        defaultValue={t?.projectId ?? projectId ?? ""}
        options={projects.map((p) => ({ value: p.id, label: p.label }))}
      />
      <TextField label={tr("name")} name="name" required defaultValue={t?.name} />
      <TextAreaField label={tr("description")} name="description" defaultValue={t?.description} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={tr("status")}
          name="status"
          defaultValue={t?.status ?? "todo"}
          options={TASK_STATUSES.map((s) => ({ value: s, label: status(s) }))}
        />
        <SelectField
          label={tr("priority")}
          name="priority"
          defaultValue={t?.priority ?? "medium"}
          options={TASK_PRIORITIES.map((s) => ({ value: s, label: priority(s) }))}
        />
        <TextField
          label={tr("estimate")}
          name="estimatedMinutes"
          hint={tr("estimateHint")}
          defaultValue={t?.estimatedMinutes != null ? formatHm(t.estimatedMinutes * 60) : ""}
        />
        <TextField label={tr("dueDate")} name="dueDate" type="date" defaultValue={t?.dueDate ?? ""} />
        <SelectField
          label={tr("assignee")}
          name="assigneeId"
          placeholder={tr("nobody")}
          defaultValue={t?.assigneeId ?? ""}
          options={users.map((u) => ({ value: u.id, label: u.username }))}
        />
      </div>
    </>
  );
}
