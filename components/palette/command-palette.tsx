"use client";
// The command palette (Ctrl/Cmd+K): start, switch or stop the timer on any project or task, and
// jump to any page, project, client or task. Built on cmdk (type to filter, arrows, Enter).
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { PaletteData } from "@/lib/services/palette";
import { DESTINATIONS } from "./destinations";

type TimerCommand =
  { kind: "start" | "switch"; projectId: string; taskId?: string | null } | { kind: "stop" } | { kind: "resume" };

export interface CommandPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  data: PaletteData | null;
  loadError: string | null;
  running: boolean;
  isAdmin: boolean;
  onTimer: (command: TimerCommand) => void;
}

const item =
  "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm aria-selected:bg-blue-600 aria-selected:text-white data-[disabled=true]:opacity-50";
const group =
  "[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:text-slate-500 dark:[&_[cmdk-group-heading]]:text-slate-400";

export function CommandPalette({
  open,
  onOpenChange,
  data,
  loadError,
  running,
  isAdmin,
  onTimer,
}: CommandPaletteProps) {
  const router = useRouter();
  const [search, setSearch] = useState("");
  const setOpen = (next: boolean) => {
    if (!next) setSearch("");
    onOpenChange(next);
  };

  const run = (fn: () => void) => {
    setOpen(false);
    fn();
  };
  const go = (href: string) => run(() => router.push(href));
  const track = (projectId: string, taskId: string | null) =>
    run(() => onTimer({ kind: running ? "switch" : "start", projectId, taskId }));
  const verb = running ? "Switch to" : "Start timer on";

  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label="Command palette"
      loop
      overlayClassName="fixed inset-0 z-50 bg-slate-950/40"
      contentClassName="fixed left-1/2 top-[12vh] z-50 w-[min(40rem,calc(100vw-1.5rem))] -translate-x-1/2 overflow-hidden rounded-xl border border-slate-200 bg-white text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder="Type a command, project, client or task…"
        className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none dark:border-slate-700"
        data-testid="palette-input"
      />
      <Command.List className="max-h-[60vh] overflow-y-auto p-2" data-testid="palette-list">
        <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">
          No match. Try fewer letters.
        </Command.Empty>
        {loadError && <p className="px-3 py-2 text-sm text-amber-700 dark:text-amber-300">{loadError}</p>}
        <Command.Group heading="Timer" className={group}>
          {running ? (
            <Command.Item className={item} value="stop timer" onSelect={() => run(() => onTimer({ kind: "stop" }))}>
              Stop timer
            </Command.Item>
          ) : (
            <Command.Item
              className={item}
              value="resume last entry continue"
              onSelect={() => run(() => onTimer({ kind: "resume" }))}
            >
              Resume the last entry
            </Command.Item>
          )}
          {data?.projects.map((p) => (
            <Command.Item
              key={`t-${p.id}`}
              className={item}
              value={`track ${p.id}`}
              keywords={[verb, p.name, p.clientName]}
              onSelect={() => track(p.id, null)}
            >
              <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: p.color }} />
              <span className="truncate">
                {verb} {p.name} <span className="opacity-70">· {p.clientName}</span>
              </span>
            </Command.Item>
          ))}
          {search.length > 0 &&
            data?.tasks.map((t) => (
              <Command.Item
                key={`tt-${t.id}`}
                className={item}
                value={`track task ${t.id}`}
                keywords={[verb, t.name, t.projectName, "task"]}
                onSelect={() => track(t.projectId, t.id)}
              >
                <span className="truncate">
                  {verb} {t.name} <span className="opacity-70">· {t.projectName}</span>
                </span>
              </Command.Item>
            ))}
        </Command.Group>
        <Command.Group heading="Go to" className={group}>
          {DESTINATIONS.filter((d) => isAdmin || !d.adminOnly).map((d) => (
            <Command.Item
              key={d.href}
              className={item}
              value={`go ${d.href}`}
              keywords={[d.label, "page"]}
              onSelect={() => go(d.href)}
            >
              {d.label}
            </Command.Item>
          ))}
          {search.length > 0 && (
            <>
              {data?.projects.map((p) => (
                <Command.Item
                  key={`p-${p.id}`}
                  className={item}
                  value={`open project ${p.id}`}
                  keywords={["project", p.name, p.clientName]}
                  onSelect={() => go(`/projects/${p.id}`)}
                >
                  <span className="truncate">Project: {p.name}</span>
                </Command.Item>
              ))}
              {data?.clients.map((c) => (
                <Command.Item
                  key={`c-${c.id}`}
                  className={item}
                  value={`open client ${c.id}`}
                  keywords={["client", c.name]}
                  onSelect={() => go(`/clients/${c.id}`)}
                >
                  <span className="truncate">Client: {c.name}</span>
                </Command.Item>
              ))}
              {data?.tasks.map((t) => (
                <Command.Item
                  key={`k-${t.id}`}
                  className={item}
                  value={`open task ${t.id}`}
                  keywords={["task", t.name, t.projectName]}
                  onSelect={() => go(`/tasks/${t.id}`)}
                >
                  <span className="truncate">
                    Task: {t.name} <span className="opacity-70">· {t.projectName}</span>
                  </span>
                </Command.Item>
              ))}
            </>
          )}
        </Command.Group>
      </Command.List>
      <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
        ↑↓ to move, Enter to choose, Esc to close. Press ? for all shortcuts.
      </p>
    </Command.Dialog>
  );
}
