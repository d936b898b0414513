"use client";
// Project and task pickers: the task list follows the chosen project.
import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("ProjectTaskPicker");
  const noProject = useTranslations("Common")("noProject");
  const [project, setProject] = useState(projectId);
  const own = tasks.filter((t) => t.projectId === project);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label={t("project")}
        name="projectId"
        placeholder={noProject}
        value={project}
        onChange={(e) => setProject(e.target.value)}
        options={projects.map((p) => ({ value: p.id, label: p.label }))}
      />
      <SelectField
        key={project}
        label={t("task")}
        name="taskId"
        placeholder={own.length ? t("noTask") : t("noTasks")}
        defaultValue={own.some((t) => t.id === taskId) ? taskId : ""}
        options={own.map((t) => ({ value: t.id, label: t.name }))}
      />
    </div>
  );
}

export function BillableSelect({ value = "default" }: { value?: "default" | "on" | "off" }) {
  const t = useTranslations("ProjectTaskPicker");
  return (
    <SelectField
      label={t("billable")}
      name="billable"
      defaultValue={value}
      options={[
        { value: "default", label: t("billableDefault") },
        { value: "on", label: t("billableOn") },
        { value: "off", label: t("billableOff") },
      ]}
    />
  );
}
