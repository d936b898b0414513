// Fields of a manual entry: project/task, day, start/end or a forgiving duration, notes, tags.
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import {
  BillableSelect,
  ProjectTaskPicker,
  type PickerProject,
  type PickerTask,
} from "@/components/timer/project-task-picker";

export interface EntryDefaults {
  id?: string;
  projectId?: string;
  taskId?: string | null;
  date: string;
  startTime?: string;
  endTime?: string;
  notes?: string;
  tags?: string;
  billable?: "default" | "on" | "off";
}

export function EntryFields({
  d,
  projects,
  tasks,
}: {
  d: EntryDefaults;
  projects: PickerProject[];
  tasks: PickerTask[];
}) {
  const t = useTranslations("EntryFields");
  return (
    <>
      {d.id && <input type="hidden" name="id" value={d.id} />}
      <ProjectTaskPicker projects={projects} tasks={tasks} projectId={d.projectId} taskId={d.taskId ?? ""} />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField label={t("date")} name="date" type="date" required defaultValue={d.date} />
        <TextField label={t("start")} name="startTime" type="time" defaultValue={d.startTime} />
        <TextField label={t("end")} name="endTime" type="time" defaultValue={d.endTime} />
        <TextField
          label={t("duration")}
          name="duration"
          placeholder={t("durationPlaceholder")}
          hint={t("durationHint")}
        />
      </div>
      <TextField label={t("notes")} name="notes" defaultValue={d.notes} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("tags")} name="tags" hint={t("tagsHint")} defaultValue={d.tags} />
        <BillableSelect value={d.billable} />
      </div>
    </>
  );
}
