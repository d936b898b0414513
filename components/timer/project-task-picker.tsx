"use client";
// Project and task pickers: the task list follows the chosen project.
import { useState } from "react";
import { SelectField } from "@/components/ui/field";

export interface PickerProject {
  id: string;
  label: string;
}
export interface PickerTask {
  id: string;
  projectId: string;
  name: string;
}

export function ProjectTaskPicker({
  projects,
  tasks,
  projectId = "",
  taskId = "",
}: {
  projects: PickerProject[];
  tasks: PickerTask[];
  projectId?: string;
  taskId?: string;
}) {
  const [project, setProject] = useState(projectId);
  const own = tasks.filter((t) => t.projectId === project);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Project"
        name="projectId"
        placeholder="No project"
        value={project}
        onChange={(e) => setProject(e.target.value)}
        options={projects.map((p) => ({ value: p.id, label: p.label }))}
      />
      <SelectField
        key={project}
        label="Task"
        name="taskId"
        placeholder={own.length ? "No task" : "No tasks in this project"}
        defaultValue={own.some((t) => t.id === taskId) ? taskId : ""}
        options={own.map((t) => ({ value: t.id, label: t.name }))}
      />
    </div>
  );
}

export function BillableSelect({ value = "default" }: { value?: "default" | "on" | "off" }) {
  return (
    <SelectField
      label="Billable"
      name="billable"
      defaultValue={value}
      options={[
        { value: "default", label: "Project default" },
        { value: "on", label: "Billable" },
        { value: "off", label: "Not billable" },
      ]}
    />
  );
}
