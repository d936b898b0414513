"use client";
// The command palette (Ctrl/Cmd+K): start, switch or stop the timer on any project or task, and
// jump to any page, project, client or task. Built on cmdk (type to filter, arrows, Enter).
import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("Palette");
  const place = useTranslations("Destinations");
  const muted = (chunks: React.ReactNode) => <span className="opacity-70">{chunks}</span>;
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
  const verb = running ? t("verbSwitch") : t("verbStart");

  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label={t("label")}
      loop
      overlayClassName="fixed inset-0 z-50 bg-slate-950/40"
      contentClassName="fixed left-1/2 top-[12vh] z-50 w-[min(40rem,calc(100vw-1.5rem))] -translate-x-1/2 overflow-hidden rounded-xl border border-slate-200 bg-white text-slate-900 shadow-2xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder={t("placeholder")}
        className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none dark:border-slate-700"
        data-testid="palette-input"
      />
      <Command.List className="max-h-[60vh] overflow-y-auto p-2" data-testid="palette-list">
        <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">{t("empty")}</Command.Empty>
        {loadError && <p className="px-3 py-2 text-sm text-amber-700 dark:text-amber-300">{loadError}</p>}
        <Command.Group heading={t("timerHeading")} className={group}>
          {running ? (
            <Command.Item
              className={item}
              value="stop timer"
              keywords={[t("stop")]}
              onSelect={() => run(() => onTimer({ kind: "stop" }))}
            >
              {t("stop")}
            </Command.Item>
          ) : (
            <Command.Item
              className={item}
              value="resume last entry continue"
              keywords={[t("resume"), t("resumeKeywords")]}
              onSelect={() => run(() => onTimer({ kind: "resume" }))}
            >
              {t("resume")}
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
              <span className="truncate">{t.rich("track", { verb, name: p.name, context: p.clientName, muted })}</span>
            </Command.Item>
          ))}
          {search.length > 0 &&
            data?.tasks.map((k) => (
              <Command.Item
                key={`tt-${k.id}`}
                className={item}
                value={`track task ${k.id}`}
                keywords={[verb, k.name, k.projectName, t("keywordTask")]}
                onSelect={() => track(k.projectId, k.id)}
              >
                <span className="truncate">
                  {t.rich("track", { verb, name: k.name, context: k.projectName, muted })}
                </span>
              </Command.Item>
            ))}
        </Command.Group>
        <Command.Group heading={t("goHeading")} className={group}>
          {DESTINATIONS.filter((d) => isAdmin || !d.adminOnly).map((d) => (
            <Command.Item
              key={d.href}
              className={item}
              value={`go ${d.href}`}
              keywords={[place(d.label), t("keywordPage")]}
              onSelect={() => go(d.href)}
            >
              {place(d.label)}
            </Command.Item>
          ))}
          {search.length > 0 && (
            <>
              {data?.projects.map((p) => (
                <Command.Item
                  key={`p-${p.id}`}
                  className={item}
                  value={`open project ${p.id}`}
                  keywords={[t("keywordProject"), p.name, p.clientName]}
                  onSelect={() => go(`/projects/${p.id}`)}
                >
                  <span className="truncate">{t("openProject", { name: p.name })}</span>
                </Command.Item>
              ))}
              {data?.clients.map((c) => (
                <Command.Item
                  key={`c-${c.id}`}
                  className={item}
                  value={`open client ${c.id}`}
                  keywords={[t("keywordClient"), c.name]}
                  onSelect={() => go(`/clients/${c.id}`)}
                >
                  <span className="truncate">{t("openClient", { name: c.name })}</span>
                </Command.Item>
              ))}
              {data?.tasks.map((k) => (
                <Command.Item
                  key={`k-${k.id}`}
                  className={item}
                  value={`open task ${k.id}`}
                  keywords={[t("keywordTask"), k.name, k.projectName]}
                  onSelect={() => go(`/tasks/${k.id}`)}
                >
                  <span className="truncate">
                    {t.rich("openTask", { name: k.name, project: k.projectName, muted })}
                  </span>
                </Command.Item>
              ))}
            </>
          )}
        </Command.Group>
      </Command.List>
      <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
        {t("hint")}
      </p>
    </Command.Dialog>
  );
}
