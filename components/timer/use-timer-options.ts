"use client";
// The pickers' options, fetched once per page load when a picker first opens (or the description
// field gets focus), so rendering a page never waits for them.
import { useCallback, useRef, useState } from "react";
import type { TimerActions, TimerOptions } from "./timer-types";

export function useTimerOptions(load: TimerActions["options"]) {
  const [options, setOptions] = useState<TimerOptions | null>(null);
  const [error, setError] = useState("");
  const inflight = useRef<Promise<void> | null>(null);
  const ensure = useCallback(() => {
    if (options || inflight.current) return;
    inflight.current = load({})
      .then((r) => {
        if (r.ok) setOptions(r.data);
        else setError(r.error.message);
      })
      .finally(() => {
        inflight.current = null;
      });
  }, [options, load]);
  /** After a project was created inline: add it without a reload. */
  const addProject = useCallback((p: TimerOptions["projects"][number]) => {
    setOptions((o) =>
      o ? { ...o, projects: [...o.projects, p], recentProjectIds: [p.id, ...o.recentProjectIds] } : o,
    );
  }, []);
  return { options, error, ensure, addProject };
}
