// Entry/report filters as a plain GET form: date range, client, project, task, tag, billable, user.
import { useTranslations } from "next-intl";
import type { TEntryFilters } from "@/lib/validation/reports";

const control =
  "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

export interface FilterOptions {
  clients: { id: string; name: string }[];
  projects: { id: string; name: string }[];
  tasks: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  users?: { id: string; username: string }[];
}

function Select({
  name,
  label,
  value,
  options,
  all,
}: {
  name: string;
  label: string;
  value: string;
  all: string;
  options: { v: string; l: string }[];
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      {label}
      <select name={name} defaultValue={value} className={control}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.v} value={o.v}>
            {o.l}
          </option>
        ))}
      </select>
    </label>
  );
}

export function EntryFilters({
  f,
  o,
  extra,
  children,
}: {
  f: TEntryFilters;
  o: FilterOptions;
  extra?: Record<string, string>;
  children?: React.ReactNode;
}) {
  const t = useTranslations("Filters");
  const all = t("all");
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("label")}>
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex flex-col gap-1 text-sm">
        {t("from")}
        <input type="date" name="from" defaultValue={f.from ?? ""} className={control} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("to")}
        <input type="date" name="to" defaultValue={f.to ?? ""} className={control} />
      </label>
      <Select
        name="clientId"
        label={t("client")}
        all={all}
        value={f.clientId ?? ""}
        options={o.clients.map((c) => ({ v: c.id, l: c.name }))}
      />
      <Select
        name="projectId"
        label={t("project")}
        all={all}
        value={f.projectId ?? ""}
        options={o.projects.map((c) => ({ v: c.id, l: c.name }))}
      />
      <Select
        name="taskId"
        label={t("task")}
        all={all}
        value={f.taskId ?? ""}
        options={o.tasks.map((c) => ({ v: c.id, l: c.name }))}
      />
      <Select
        name="tag"
        label={t("tag")}
        all={all}
        value={f.tag ?? ""}
        options={o.tags.map((c) => ({ v: c.name, l: c.name }))}
      />
      <Select
        name="billable"
        label={t("billable")}
        all={all}
        value={f.billable ?? ""}
        options={[
          { v: "yes", l: t("billableYes") },
          { v: "no", l: t("billableNo") },
        ]}
      />
      {o.users && (
        <Select
          name="userId"
          label={t("user")}
          all={all}
          value={f.userId ?? ""}
          options={o.users.map((u) => ({ v: u.id, l: u.username }))}
        />
      )}
      {children}
      <button
        type="submit"
        className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
      >
        {t("apply")}
      </button>
    </form>
  );
}
