"use client";
// The week timesheet: rows are project/task, columns are days. Typing more hours into a cell adds
// an entry for the difference; lowering a cell is done by editing the entries themselves.
// Enter leaves the cell, and leaving it (blur) saves: one path, so one entry per change.
import { useState } from "react";
import { useActionCall } from "@/components/forms/use-action-call";
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
  projectId: string | null;
  taskId: string | null;
  date: string;
  duration: string;
}) => Promise<ActionResult<unknown>>;

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
  const { pending, message, setMessage, call } = useActionCall();
  const [newProject, setNewProject] = useState("");
  const newRow: GridRow = { projectId: newProject, taskId: null, label: "New row", seconds: {} };

  const commit = (row: GridRow, day: string, value: string) => {
    const current = Math.round((row.seconds[day] ?? 0) / 60);
    if (value.trim() === "" || value.trim() === formatHm(current * 60)) return;
    if (row === newRow && !row.projectId) return setMessage("Choose a project for the new row first.");
    const typed = parseDuration(value);
    if (typed === null) return setMessage("Type hours such as 1:30, 1.5 or 90m.");
    if (typed <= current) return setMessage("To lower a day's time, edit or delete its entries below.");
    call(
      () => addTime({ projectId: row.projectId, taskId: row.taskId, date: day, duration: `${typed - current}m` }),
      () => "Time added.",
    );
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Week timesheet" data-testid="week-grid">
        <thead>
          <tr>
            <th className="py-2 text-left">Project / task</th>
            {dayLabels.map((l) => (
              <th key={l} className="px-1 text-right">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.projectId}:${row.taskId}`} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 text-left font-normal">
                {row.label}
              </th>
              {days.map((day, i) => (
                <td key={day} className="px-1 text-right">
                  <input
                    aria-label={`${row.label}, ${dayLabels[i]}`}
                    defaultValue={row.seconds[day] ? formatHm(row.seconds[day]) : ""}
                    key={`${day}-${row.seconds[day] ?? 0}`}
                    inputMode="decimal"
                    disabled={pending}
                    className="w-16 rounded border border-slate-300 bg-white px-1 py-0.5 text-right tabular-nums dark:border-slate-600 dark:bg-slate-900"
                    onBlur={(e) => commit(row, day, e.currentTarget.value)}
                    onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
                  />
                </td>
              ))}
            </tr>
          ))}
          {projects.length > 0 && (
            <tr className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1 text-left font-normal">
                <select
                  aria-label="Project for a new row"
                  value={newProject}
                  onChange={(e) => setNewProject(e.target.value)}
                  className="w-full max-w-48 rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
                >
                  <option value="">+ Add a project row</option>
                  {projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </th>
              {days.map((day, i) => (
                <td key={day} className="px-1 text-right">
                  <input
                    aria-label={`New row, ${dayLabels[i]}`}
                    key={`new-${day}-${rows.length}`}
                    inputMode="decimal"
                    disabled={pending || !newProject}
                    className="w-16 rounded border border-slate-300 bg-white px-1 py-0.5 text-right tabular-nums disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900"
                    onBlur={(e) => commit(newRow, day, e.currentTarget.value)}
                    onKeyDown={(e) => e.key === "Enter" && e.currentTarget.blur()}
                  />
                </td>
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
