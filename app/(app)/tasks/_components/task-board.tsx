"use client";
// Kanban board by status. Drag a card to another column, or use the card's "Move to" select
// (keyboard-operable); the move is saved on the server and announced.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useActionCall } from "@/components/forms/use-action-call";
import type { ActionResult } from "@/lib/errors";
import { TASK_PRIORITIES, TASK_STATUSES, type TTaskStatus } from "@/lib/validation/choices";

export interface BoardTask {
  id: string;
  name: string;
  projectName: string;
  projectColor: string;
  status: Status;
  priority: (typeof TASK_PRIORITIES)[number];
  dueDate: string | null;
  assigneeName: string | null;
}
type Status = TTaskStatus;

export function TaskBoard({
  tasks,
  move,
}: {
  tasks: BoardTask[];
  move: (input: { id: string; status: Status }) => Promise<ActionResult<unknown>>;
}) {
  const tr = useTranslations("TaskBoard");
  const statusLabel = useTranslations("TaskStatus");
  const priority = useTranslations("TaskPriority");
  // The same labels as the task list and the task form (the TaskStatus catalog namespace).
  const COLUMNS = TASK_STATUSES.map((id) => ({ id, label: statusLabel(id) }));
  const [local, setLocal] = useState(tasks);
  const { message, call } = useActionCall();
  const [prevTasks, setPrevTasks] = useState(tasks);
  if (tasks !== prevTasks) {
    setPrevTasks(tasks);
    setLocal(tasks);
  }

  const doMove = (id: string, status: Status) => {
    const task = local.find((t) => t.id === id);
    if (!task || task.status === status) return;
    setLocal((l) => l.map((t) => (t.id === id ? { ...t, status } : t)));
    call(
      () => move({ id, status }),
      () => tr("moved", { name: task.name, status: statusLabel(status) }),
    );
  };

  return (
    <>
      <div className="grid gap-3 md:grid-cols-5" data-testid="task-board">
        {COLUMNS.map((col) => (
          <section
            key={col.id}
            aria-label={col.label}
            className="min-h-32 rounded-md bg-slate-100 p-2 dark:bg-slate-800"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => doMove(e.dataTransfer.getData("text/plain"), col.id)}
          >
            <h3 className="mb-2 text-sm font-semibold">
              {tr("column", { status: col.label, count: local.filter((t) => t.status === col.id).length })}
            </h3>
            <ul className="flex flex-col gap-2">
              {local
                .filter((t) => t.status === col.id)
                .map((t) => (
                  <li
                    key={t.id}
                    draggable
                    onDragStart={(e) => e.dataTransfer.setData("text/plain", t.id)}
                    className="cursor-grab rounded border border-slate-200 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
                  >
                    <Link href={`/tasks/${t.id}`} className="font-medium hover:underline">
                      {t.name}
                    </Link>
                    <div className="text-xs text-slate-500">
                      <span
                        aria-hidden
                        className="mr-1 inline-block h-2 w-2 rounded-full"
                        style={{ background: t.projectColor }}
                      />
                      {t.projectName} · {priority(t.priority)}
                      {t.dueDate ? tr("due", { date: t.dueDate }) : ""}
                      {t.assigneeName ? ` · ${t.assigneeName}` : ""}
                    </div>
                    <label className="mt-1 flex items-center gap-1 text-xs">
                      {tr("moveTo")}
                      <select
                        value={t.status}
                        onChange={(e) => doMove(t.id, e.target.value as Status)}
                        className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-900"
                        aria-label={tr("moveLabel", { name: t.name })}
                      >
                        {COLUMNS.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </div>
      <p role="status" aria-live="polite" className="mt-2 text-sm">
        {message}
      </p>
    </>
  );
}
