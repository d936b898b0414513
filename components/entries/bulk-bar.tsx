"use client";
// What can be done to the selected entries at once: set project (and task), tags or billable, or
// delete them (with Undo in a toast). Fields left on "keep" do not change.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { ProjectOption } from "./list-actions";

const control = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

export interface BulkChange {
  projectId?: string;
  taskId?: string | null;
  tags?: string[];
  billable?: "on" | "off";
}

export function BulkBar({
  count,
  projects,
  onApply,
  onDelete,
  onClear,
}: {
  count: number;
  projects: ProjectOption[];
  onApply: (change: BulkChange) => Promise<void>;
  onDelete: () => Promise<void>;
  onClear: () => void;
}) {
  const t = useTranslations("EntryList");
  const [project, setProject] = useState("");
  const [tags, setTags] = useState("");
  const [setTagsOn, setSetTagsOn] = useState(false);
  const [billable, setBillable] = useState("");
  const [busy, setBusy] = useState(false);
  const nothing = !project && !setTagsOn && !billable;

  const apply = async () => {
    const [projectId, taskId = null] = project ? project.split(":") : [];
    const change: BulkChange = {
      ...(projectId ? { projectId, taskId } : {}),
      ...(setTagsOn
        ? {
            tags: tags
              .split(",")
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(billable === "on" || billable === "off" ? { billable } : {}),
    };
    setBusy(true);
    await onApply(change);
    setBusy(false);
  };

  return (
    <div
      role="group"
      aria-label={t("bulkLabel")}
      className="flex flex-wrap items-center gap-2 rounded-md border border-blue-300 bg-blue-50 px-3 py-2 dark:border-blue-800 dark:bg-blue-950"
      data-testid="bulk-bar"
    >
      <span className="font-medium">{t("selectedCount", { count })}</span>
      <select
        aria-label={t("bulkProject")}
        value={project}
        onChange={(e) => setProject(e.target.value)}
        className={control}
      >
        <option value="">{t("projectKeep")}</option>
        {projects.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      <label className="inline-flex items-center gap-1">
        <input type="checkbox" checked={setTagsOn} onChange={(e) => setSetTagsOn(e.target.checked)} />
        {t("setTags")}
      </label>
      {setTagsOn && (
        <input
          aria-label={t("bulkTags")}
          placeholder={t("bulkTagsPlaceholder")}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          className={control}
        />
      )}
      <select
        aria-label={t("bulkBillable")}
        value={billable}
        onChange={(e) => setBillable(e.target.value)}
        className={control}
      >
        <option value="">{t("billableKeep")}</option>
        <option value="on">{t("billable")}</option>
        <option value="off">{t("notBillable")}</option>
      </select>
      <Button type="button" className="px-3 py-1" disabled={busy || nothing} onClick={() => void apply()}>
        {t("apply")}
      </Button>
      <Button type="button" variant="danger" className="px-3 py-1" disabled={busy} onClick={() => void onDelete()}>
        {t("deleteSelected", { count })}
      </Button>
      <Button type="button" variant="secondary" className="px-3 py-1" onClick={onClear}>
        {t("clearSelection")}
      </Button>
    </div>
  );
}
