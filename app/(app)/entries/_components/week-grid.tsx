"use client";
// The week timesheet: rows are project/task, columns are days. Typing more hours into a cell adds
// an entry for the difference, placed after that day's last entry; lowering a cell is done by
// editing the entries themselves. A cell always shows what is saved: a refused edit puts the saved
// value back and shows why inside the cell. Enter or leaving the cell saves (one path, so one entry
// per change); the arrow keys move between cells (left/right at the text's edges).
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { formatHm, parseDuration } from "@/lib/time/duration-parse";
import type { ActionResult } from "@/lib/errors";

export interface GridRow {
  /** Null: the row of time tracked without a project. */
  projectId: string | null;
  taskId: string | null;
  label: string;
  seconds: Record<string, number>;
}

/** addGridTimeAction. */
type AddTime = (input: {
  projectId: string;
  taskId: string | null;
  date: string;
  duration: string;
}) => Promise<ActionResult<unknown>>;

const cellClass =
  "w-16 rounded border bg-white px-1 py-0.5 text-right tabular-nums disabled:opacity-50 dark:bg-slate-900";

/** Moves focus to the cell at (row, col) of the grid, if there is one. */
function focusCell(grid: HTMLElement | null, row: number, col: number) {
  grid?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)?.focus();
}

function onArrow(ev: React.KeyboardEvent<HTMLInputElement>) {
  const el = ev.currentTarget;
  const row = Number(el.dataset.row);
  const col = Number(el.dataset.col);
  const grid = el.closest("table");
  const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
  const atEnd = el.selectionStart === el.value.length;
  const move: Record<string, [number, number] | null> = {
    ArrowUp: [row - 1, col],
    ArrowDown: [row + 1, col],
    ArrowLeft: atStart ? [row, col - 1] : null,
    ArrowRight: atEnd ? [row, col + 1] : null,
  };
  const to = move[ev.key];
  if (!to) return;
  ev.preventDefault();
  focusCell(grid, to[0], to[1]);
}

/** One day of one row: shows the saved time; a refusal restores it and says why, in the cell. */
function Cell({
  row,
  day,
  label,
  position,
  disabled,
  save,
}: {
  row: GridRow;
  day: string;
  label: string;
  position: [number, number];
  disabled: boolean;
  save: (row: GridRow, day: string, value: string) => Promise<string | null>;
}) {
  const t = useTranslations("WeekGrid");
  const saved = row.seconds[day] ? formatHm(row.seconds[day]) : "";
  const [value, setValue] = useState(saved);
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  // The saved value changed (after a save and refresh): show it.
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    setValue(saved);
  }
  const id = `cell-${position[0]}-${position[1]}`;
  const commit = async () => {
    if (value.trim() === saved) return setError("");
    setPending(true);
    const refused = await save(row, day, value);
    setPending(false);
    setError(refused ?? "");
    if (refused) setValue(saved);
  };
  return (
    <td className="px-1 pt-1 text-right align-top">
      <input
        aria-label={t("cellLabel", { label })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        data-row={position[0]}
        data-col={position[1]}
        value={value}
        inputMode="decimal"
        disabled={disabled || pending}
        className={`${cellClass} ${error ? "border-red-600" : "border-slate-300 dark:border-slate-600"}`}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
          else if (e.key === "Escape") {
            setValue(saved);
            setError("");
          } else onArrow(e);
        }}
      />
      {error && (
        <span id={`${id}-err`} role="alert" className="block max-w-28 text-left text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </td>
  );
}

export function WeekGrid({
  days,
  dayLabels,
  rows,
  projects,
  addTime,
}: {
  days: string[];
  dayLabels: string[];
  rows: GridRow[];
  projects: { id: string; label: string }[];
  addTime: AddTime;
}) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const t = useTranslations("WeekGrid");
  const [message, setMessage] = useState("");
  const [newProject, setNewProject] = useState("");
  const newRow: GridRow = { projectId: newProject, taskId: null, label: t("newRow"), seconds: {} };

  /** Saves a typed value; the refusal's message, or null once saved. */
  const save = async (row: GridRow, day: string, value: string): Promise<string | null> => {
    const current = Math.round((row.seconds[day] ?? 0) / 60);
    if (value.trim() === "") return current ? t("removeHint") : null;
    if (!row.projectId) return row === newRow ? t("chooseProjectFirst") : t("noProjectHint");
    const typed = parseDuration(value);
    if (typed === null) return t("badHours");
    if (typed === current) return null;
    if (typed < current) return t("lowerHint");
    const r = await addTime({
      projectId: row.projectId,
      taskId: row.taskId,
      date: day,
      duration: `${typed - current}m`,
    });
    if (!r.ok) return r.fieldErrors ? (Object.values(r.fieldErrors).flat()[0] ?? r.error.message) : r.error.message;
    setMessage(t("added", { duration: formatHm((typed - current) * 60), day: dayLabels[days.indexOf(day)] }));
    startRefresh(() => router.refresh());
    return null;
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Week timesheet" data-testid="week-grid">
        <thead>
          <tr>
            <th className="py-2 text-left">{t("projectTask")}</th>
            {dayLabels.map((l) => (
              <th key={l} className="px-1 text-right">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={`${row.projectId}:${row.taskId}`} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="max-w-48 truncate py-1 text-left font-normal" title={row.label}>
                {row.label}
              </th>
              {days.map((day, i) => (
                <Cell
                  key={day}
                  row={row}
                  day={day}
                  label={`${row.label}, ${dayLabels[i]}`}
                  position={[r, i]}
                  disabled={false}
                  save={save}
                />
              ))}
            </tr>
          ))}
          {projects.length > 0 && (
            <tr className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 text-left font-normal">
                <select
                  aria-label={t("newRowProject")}
                  value={newProject}
                  onChange={(e) => setNewProject(e.target.value)}
                  className="w-full max-w-48 rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
                >
                  <option value="">{t("addRow")}</option>
                  {projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </th>
              {days.map((day, i) => (
                <Cell
                  key={`new-${day}-${rows.length}`}
                  row={newRow}
                  day={day}
                  label={t("newRowCell", { day: dayLabels[i] })}
                  position={[rows.length, i]}
                  disabled={!newProject}
                  save={save}
                />
              ))}
            </tr>
          )}
        </tbody>
      </table>
      <p role="status" aria-live="polite" className="mt-1 text-sm">
        {message}
      </p>
    </div>
  );
}
