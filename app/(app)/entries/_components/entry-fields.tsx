// Fields of a manual entry: project/task, day, start/end or a forgiving duration, notes, tags.
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
  return (
    <>
      {d.id && <input type="hidden" name="id" value={d.id} />}
      <ProjectTaskPicker projects={projects} tasks={tasks} projectId={d.projectId} taskId={d.taskId ?? ""} />
      <div className="grid gap-3 sm:grid-cols-4">
        <TextField label="Date" name="date" type="date" required defaultValue={d.date} />
        <TextField label="Start" name="startTime" type="time" defaultValue={d.startTime} />
        <TextField label="End" name="endTime" type="time" defaultValue={d.endTime} />
        <TextField label="Duration" name="duration" placeholder="1h 30m" hint="Or: 1:30, 90m, 1.5" />
      </div>
      <TextField label="Notes" name="notes" defaultValue={d.notes} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Tags" name="tags" hint="Separate tags with commas." defaultValue={d.tags} />
        <BillableSelect value={d.billable} />
      </div>
    </>
  );
}
