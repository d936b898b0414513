"use client";
// The timer's project/task picker: recent projects first, then every active project, then tasks
// ("Project · Task"); type to search, or type a new name to create a project.
import { useTranslations } from "next-intl";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import type { TimerOptions } from "./timer-types";

export interface ProjectChoice {
  projectId: string | null;
  taskId: string | null;
}

/** The current choice's label while the options are not loaded yet. */
export interface ChoiceLabel {
  projectName: string | null;
  projectColor: string | null;
  clientName: string | null;
  taskName: string | null;
}

export function ProjectPicker({
  options,
  value,
  current,
  onChange,
  onOpen,
  onCreate,
  nudge,
  className,
}: {
  options: TimerOptions | null;
  value: ProjectChoice;
  current?: ChoiceLabel;
  onChange: (v: ProjectChoice) => void;
  onOpen: () => void;
  onCreate: (name: string) => void;
  nudge?: boolean;
  className?: string;
}) {
  const t = useTranslations("Timer");
  const list: ComboboxOption[] = [];
  if (options) {
    const byId = new Map(options.projects.map((p) => [p.id, p]));
    const project = (p: TimerOptions["projects"][number], prefix: string, group: string): ComboboxOption => ({
      value: `${prefix}:${p.id}`,
      label: p.name,
      hint: p.clientName,
      color: p.color,
      group,
    });
    for (const id of options.recentProjectIds) {
      const p = byId.get(id);
      if (p) list.push(project(p, "r", t("recent")));
    }
    for (const p of options.projects) list.push(project(p, "p", t("allProjects")));
    for (const task of options.tasks) {
      const p = byId.get(task.projectId);
      if (p)
        list.push({ value: `t:${task.id}`, label: `${p.name} · ${task.name}`, color: p.color, group: t("tasksOf") });
    }
  }
  const selected = value.taskId ? `t:${value.taskId}` : value.projectId ? `p:${value.projectId}` : null;
  const fallback: ComboboxOption | undefined =
    current?.projectName && selected
      ? {
          value: selected,
          label: current.taskName ? `${current.projectName} · ${current.taskName}` : current.projectName,
          hint: current.clientName ?? undefined,
          color: current.projectColor ?? undefined,
        }
      : undefined;
  const choose = (v: string | null) => {
    if (!v) return onChange({ projectId: null, taskId: null });
    const [kind, id] = v.split(":");
    if (kind === "t") {
      const task = options?.tasks.find((x) => x.id === id);
      return onChange({ projectId: task?.projectId ?? null, taskId: id });
    }
    onChange({ projectId: id, taskId: null });
  };
  return (
    <Combobox
      options={list}
      value={selected}
      fallback={fallback}
      onChange={choose}
      onOpen={onOpen}
      label={t("project")}
      placeholder={nudge ? t("addProject") : t("projectPlaceholder")}
      searchPlaceholder={t("searchProjects")}
      emptyText={options ? t("noMatches") : t("loadingOptions")}
      noneLabel={t("noneOption")}
      onCreate={options ? onCreate : undefined}
      createLabel={(name) => t("createProject", { name })}
      nudge={nudge}
      className={className}
      testId="timer-project"
    />
  );
}
