"use client";
// The timer, as a bar at the top of every page and as the dashboard's card: "What are you working
// on?", an optional project/task, tags and billable, Start. While it runs: live elapsed time, the
// description and project editable in place, Stop, and Discard after a confirmation. The running
// entry lives on the server; after each change the page's server components are refreshed.
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CircleDollarSign, Play, Square, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cx } from "@/components/ui/cx";
import type { ActionResult } from "@/lib/errors";
import { Elapsed } from "./elapsed";
import { IdleDialog } from "./idle-dialog";
import { ProjectPicker, type ProjectChoice } from "./project-picker";
import { QuickProjectDialog } from "./quick-project-dialog";
import { TagPicker } from "./tag-picker";
import type { RunningTimer, TimerActions } from "./timer-types";
import { useTimerOptions } from "./use-timer-options";

export interface TimerBarProps {
  running: RunningTimer | null;
  actions: TimerActions;
  /** "bar": the top bar (shortcut, idle check); "card": the dashboard's larger copy. */
  variant?: "bar" | "card";
  idleMinutes?: number;
}

export function TimerBar(props: TimerBarProps) {
  // A new running entry (or none) starts from fresh local state.
  return <TimerBarInner key={props.running?.id ?? "idle"} {...props} />;
}

function TimerBarInner({ running, actions, variant = "bar", idleMinutes = 0 }: TimerBarProps) {
  const t = useTranslations("Timer");
  const tc = useTranslations("Common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // What the last action did: successes are announced, failures also shown.
  const [message, setMessage] = useState({ text: "", ok: true });
  const { options, error: optionsError, ensure, addProject } = useTimerOptions(actions.options);
  const [notes, setNotes] = useState(running?.notes ?? "");
  const [choice, setChoice] = useState<ProjectChoice>({
    projectId: running?.projectId ?? null,
    taskId: running?.taskId ?? null,
  });
  const [tags, setTags] = useState<string[]>(running?.tags ?? []);
  const [billable, setBillable] = useState<boolean | null>(running ? running.billable : null);
  const [creating, setCreating] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const isBar = variant === "bar";

  const run = (call: () => Promise<ActionResult<unknown>>, ok = "") =>
    startTransition(async () => {
      const r = await call();
      setMessage(r.ok ? { text: ok, ok: true } : { text: r.error.message, ok: false });
      router.refresh();
    });

  const start = () => {
    const form = new FormData();
    form.set("notes", notes);
    if (choice.projectId) form.set("projectId", choice.projectId);
    if (choice.taskId) form.set("taskId", choice.taskId);
    for (const tag of tags) form.append("tags", tag);
    form.set("billable", billable === null ? "default" : billable ? "on" : "off");
    run(() => actions.start(null, form), t("started"));
  };
  const update = (patch: Parameters<TimerActions["update"]>[0]) => run(() => actions.update(patch), t("saved"));

  const saveNotes = () => {
    if (running && notes.trim() !== running.notes) update({ notes });
  };
  const chooseProject = (v: ProjectChoice) => {
    setChoice(v);
    if (running) update({ projectId: v.projectId, taskId: v.taskId });
  };
  const chooseTags = (v: string[]) => {
    setTags(v);
    if (running) update({ tags: v });
  };
  const toggleBillable = () => {
    const next = !(billable ?? true);
    setBillable(next);
    if (running) update({ billable: next });
  };

  // Alt+Shift+T: stop, or resume the last entry. Only the top bar listens (one per page).
  useEffect(() => {
    if (!isBar) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.shiftKey && e.code === "KeyT") {
        e.preventDefault();
        startTransition(async () => {
          const r = await actions.toggle({});
          setMessage(r.ok ? { text: "", ok: true } : { text: r.error.message, ok: false });
          router.refresh();
        });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [isBar, actions, router]);

  // Another tab may have started or stopped the timer: re-read when this tab comes back.
  useEffect(() => {
    if (!isBar) return;
    const sync = () => document.visibilityState === "visible" && router.refresh();
    document.addEventListener("visibilitychange", sync);
    window.addEventListener("focus", sync);
    return () => {
      document.removeEventListener("visibilitychange", sync);
      window.removeEventListener("focus", sync);
    };
  }, [isBar, router]);

  const nudge = Boolean(running && !choice.projectId);
  const billableOn = billable ?? true;
  return (
    <div
      role="group"
      aria-label={t("barLabel")}
      aria-keyshortcuts={isBar ? "Alt+Shift+T" : undefined}
      data-testid={isBar ? "timer-bar" : "timer-card"}
      // The card is a column; a wrapping column would size each line to its content, not the card.
      className={cx("flex min-w-0 flex-wrap items-center gap-2", !isBar && "flex-col flex-nowrap items-stretch")}
    >
      <input
        type="text"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        onFocus={ensure}
        onBlur={saveNotes}
        onKeyDown={(e) => {
          if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
          e.preventDefault();
          if (running) saveNotes();
          else start();
        }}
        maxLength={2000}
        placeholder={t("placeholder")}
        aria-label={t("description")}
        data-testid="timer-notes"
        className={cx(
          "h-9 min-w-0 flex-1 basis-48 rounded-md border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-600 dark:border-slate-600 dark:bg-slate-900 dark:placeholder:text-slate-400",
          !isBar && "h-11 basis-auto text-base",
        )}
      />
      {/* The card wraps on a phone: picker on one line, the buttons on the next. */}
      <div className={cx("flex min-w-0 items-center gap-1", !isBar && "flex-wrap")}>
        <ProjectPicker
          options={options}
          value={choice}
          current={running ?? undefined}
          onChange={chooseProject}
          onOpen={ensure}
          onCreate={(name) => setCreating(name)}
          nudge={nudge}
          className={isBar ? "w-36 sm:w-44" : "min-w-0 flex-1 basis-40"}
        />
        <TagPicker known={options?.tags ?? null} value={tags} onChange={chooseTags} onOpen={ensure} />
        <button
          type="button"
          aria-pressed={billableOn}
          aria-label={t("billable")}
          title={billable === null ? t("billableDefault") : billableOn ? t("billableOn") : t("billableOff")}
          onClick={toggleBillable}
          data-testid="timer-billable"
          className={cx(
            "inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-md hover:bg-slate-100 dark:hover:bg-slate-800",
            billableOn ? "text-blue-700 dark:text-blue-300" : "text-slate-500 dark:text-slate-400",
          )}
        >
          <CircleDollarSign aria-hidden className="h-5 w-5" />
        </button>
        {running ? (
          <>
            <Elapsed
              start={running.start}
              renderedAt={running.renderedAt}
              label={t("elapsed")}
              testId={isBar ? "elapsed" : "card-elapsed"}
              className={cx("px-1 font-mono tabular-nums", isBar ? "text-sm" : "text-xl font-semibold")}
            />
            <Button
              type="button"
              variant="danger"
              size="sm"
              onClick={() => run(() => actions.stop({}), t("stopped"))}
              disabled={pending}
              aria-label={t("stopTimer")}
              data-testid={isBar ? "header-stop" : "card-stop"}
            >
              <Square aria-hidden className="h-4 w-4" />
              <span className="hidden sm:inline">{t("stop")}</span>
            </Button>
            <ConfirmDialog
              open={confirmDiscard}
              onOpenChange={setConfirmDiscard}
              title={t("discardTitle")}
              description={t("discardBody")}
              confirmLabel={t("discardConfirm")}
              cancelLabel={tc("cancel")}
              onConfirm={() => run(() => actions.discard({}), t("discarded"))}
              trigger={
                <Button type="button" variant="ghost" size="icon" aria-label={t("discardTimer")} disabled={pending}>
                  <Trash2 aria-hidden className="h-4 w-4" />
                </Button>
              }
            />
          </>
        ) : (
          <Button
            type="button"
            size="sm"
            onClick={start}
            disabled={pending}
            aria-label={t("startTimer")}
            data-testid={isBar ? "timer-start" : "card-start"}
          >
            <Play aria-hidden className="h-4 w-4" />
            <span className="hidden sm:inline">{t("start")}</span>
          </Button>
        )}
      </div>
      <p
        role="status"
        aria-live="polite"
        className={cx(
          "text-sm",
          message.ok && !optionsError ? (isBar ? "sr-only" : "min-h-5") : "basis-full text-red-700 dark:text-red-400",
        )}
      >
        {optionsError || message.text}
      </p>
      {!isBar && nudge && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="project-nudge">
          {t("nudge")}
        </p>
      )}
      {isBar && running && idleMinutes > 0 && (
        <IdleDialog idleMinutes={idleMinutes} resolveIdle={actions.resolveIdle} onDone={() => router.refresh()} />
      )}
      <QuickProjectDialog
        name={creating}
        clients={options?.clients ?? []}
        create={actions.createProject}
        onClose={() => setCreating(null)}
        onCreated={(p) => {
          setCreating(null);
          addProject(p);
          chooseProject({ projectId: p.id, taskId: null });
          setMessage({ text: t("projectCreated", { name: p.name }), ok: true });
        }}
      />
    </div>
  );
}
