"use client";
// One entry as an inline-editable row: description, project/task, tags, billable, start–end ("+1"
// past midnight) and duration. A changed field is saved when it loses focus (Enter too); Escape puts
// the saved values back. Editing the duration moves the end; editing start or end recomputes the
// duration; a refusal shows the field's message under the row and keeps what was typed to fix.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { formatHm } from "@/lib/time/duration-parse";
import type { EntryRowDto } from "@/lib/services/entry-days";
import type { ActionResult } from "@/lib/errors";
import type { EntryListActions, ProjectOption, RowInput } from "./list-actions";
import { RowMenu } from "./row-menu";

const input =
  "rounded border border-transparent bg-transparent px-1 py-0.5 hover:border-slate-300 focus:border-blue-500 focus:bg-white focus:outline-none dark:hover:border-slate-600 dark:focus:bg-slate-900";

interface Draft {
  notes: string;
  project: string;
  tags: string;
  billable: boolean;
  startTime: string;
  endTime: string;
  duration: string;
}

const draftOf = (e: EntryRowDto): Draft => ({
  notes: e.notes,
  // "": no project (an entry may be tracked first and filed later).
  project: !e.projectId ? "" : e.taskId ? `${e.projectId}:${e.taskId}` : e.projectId,
  tags: e.tags.join(", "),
  billable: e.billable,
  startTime: e.startTime,
  endTime: e.endTime ?? "",
  duration: formatHm(e.durationSeconds),
});

export function EntryRow({
  entry: e,
  projects,
  actions,
  selected,
  onSelect,
  onDelete,
  onDuplicate,
  showUser,
}: {
  entry: EntryRowDto;
  projects: ProjectOption[];
  actions: Pick<EntryListActions, "save">;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onDelete: () => void;
  onDuplicate: () => void;
  showUser: boolean;
}) {
  const t = useTranslations("EntryRow");
  const noProject = useTranslations("Common")("noProject");
  const saved = draftOf(e);
  const [draft, setDraft] = useState<Draft>(saved);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const running = e.endTime === null;
  const label = e.notes || e.projectName || noProject;

  // A new saved state from the server (after refresh) replaces the draft.
  const [seen, setSeen] = useState(saved);
  if (JSON.stringify(seen) !== JSON.stringify(saved)) {
    setSeen(saved);
    setDraft(saved);
  }

  const save = async (next: Draft, changed: keyof Draft) => {
    if (JSON.stringify(next) === JSON.stringify(seen)) return;
    const [projectId, taskId = null] = next.project.split(":");
    const byDuration = changed === "duration";
    const row: RowInput = {
      id: e.id,
      projectId,
      taskId,
      date: e.date,
      startTime: next.startTime || null,
      // Editing the duration moves the end; otherwise start and end decide and the duration follows.
      endTime: running || byDuration ? null : next.endTime || null,
      duration: running ? "" : byDuration ? next.duration : "",
      notes: next.notes,
      tags: next.tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      billable: next.billable ? "on" : "off",
    };
    setBusy(true);
    const r: ActionResult<{ overlaps: boolean }> = await actions.save(row);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setMessage(r.data.overlaps ? t("savedOverlap") : t("saved"));
    } else {
      setErrors(r.fieldErrors ?? {});
      setMessage(r.error.message);
    }
  };

  const field = (name: keyof Draft) => ({
    value: draft[name] as string,
    onChange: (ev: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setDraft({ ...draft, [name]: ev.target.value }),
    onBlur: () => void save(draft, name),
    onKeyDown: (ev: React.KeyboardEvent) => {
      if (ev.key === "Enter") (ev.currentTarget as HTMLElement).blur();
      if (ev.key === "Escape") {
        setDraft(seen);
        setErrors({});
        setMessage("");
      }
    },
    "aria-invalid": errors[fieldKey(name)] ? true : undefined,
    disabled: busy,
  });
  const allErrors = Object.values(errors).flat();

  return (
    <li className="border-t border-slate-200 py-1.5 dark:border-slate-700" data-testid="entry-row" data-entry-id={e.id}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <input
          type="checkbox"
          aria-label={t("select", { label })}
          checked={selected}
          onChange={(ev) => onSelect(ev.target.checked)}
          className="h-4 w-4"
        />
        <input
          aria-label={t("description")}
          placeholder={t("descriptionPlaceholder")}
          className={`${input} min-w-0 flex-1 basis-40`}
          {...field("notes")}
        />
        <span
          aria-hidden
          className="h-2 w-2 shrink-0 rounded-full"
          style={{ background: e.projectColor ?? undefined }}
        />
        <select aria-label={t("project")} className={`${input} max-w-52 truncate text-sm`} {...field("project")}>
          <option value="">{noProject}</option>
          {projects.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
          {draft.project !== "" && !projects.some((p) => p.value === draft.project) && (
            <option value={draft.project}>
              {e.projectName}
              {e.taskName ? ` · ${e.taskName}` : ""}
            </option>
          )}
        </select>
        <input
          aria-label={t("tags")}
          placeholder={t("tagsPlaceholder")}
          className={`${input} w-28 text-sm`}
          {...field("tags")}
        />
        <label className="inline-flex items-center gap-1 text-sm" title={t("billable")}>
          <input
            type="checkbox"
            checked={draft.billable}
            disabled={busy}
            onChange={(ev) => {
              const next = { ...draft, billable: ev.target.checked };
              setDraft(next);
              void save(next, "billable");
            }}
          />
          <span className="sr-only sm:not-sr-only">$</span>
          <span className="sr-only">{t("billable")}</span>
        </label>
        {showUser && <span className="text-xs text-slate-600 dark:text-slate-400">{e.username}</span>}
        <span className="inline-flex items-center text-sm tabular-nums">
          <input type="time" aria-label={t("startTime")} className={`${input} w-24`} {...field("startTime")} />
          <span aria-hidden>–</span>
          {running ? (
            <span className="px-1 text-green-700 dark:text-green-400">{t("running")}</span>
          ) : (
            <input type="time" aria-label={t("endTime")} className={`${input} w-24`} {...field("endTime")} />
          )}
          {e.endDayOffset > 0 && (
            <sup className="text-xs font-semibold text-slate-600 dark:text-slate-300" title={t("nextDay")}>
              +{e.endDayOffset}
            </sup>
          )}
        </span>
        <input
          aria-label={t("duration")}
          className={`${input} w-16 text-right font-medium tabular-nums`}
          readOnly={running}
          {...field("duration")}
        />
        {e.overlaps && (
          <span className="rounded bg-amber-200 px-1 text-xs text-amber-900" title={t("overlapTitle")}>
            {t("overlap")}
          </span>
        )}
        <RowMenu label={label} running={running} onDuplicate={onDuplicate} onDelete={onDelete}>
          <Link
            href={`/entries/${e.id}`}
            role="menuitem"
            className="block px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            {t("editAll")}
          </Link>
        </RowMenu>
      </div>
      <p
        role={allErrors.length ? "alert" : "status"}
        aria-live="polite"
        className={`text-sm ${allErrors.length ? "text-red-700 dark:text-red-400" : "text-slate-500"}`}
      >
        {allErrors.length ? allErrors.join(" ") : message}
      </p>
    </li>
  );
}

/** The service's field names for the row's inputs. */
function fieldKey(name: keyof Draft): string {
  return name === "project" ? "projectId" : name;
}
