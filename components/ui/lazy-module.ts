"use client";
// A module fetched ahead of need (hover, focus, idle) and then rendered without a suspension:
// next/dynamic (React.lazy) suspends once on first render even when the code is already here, and
// keys typed into a list that is not there yet are lost. Here, once loaded, the module is read
// synchronously on every later render.
import { useEffect, useReducer } from "react";

export interface LazyModule<T> {
  /** Starts the download (once); errors are retried on the next call. */
  preload: () => void;
  /** The module when loaded, else null; loads it when `wanted` and re-renders when it arrives. */
  useModule: (wanted: boolean) => T | null;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const start = () =>
    (pending ??= load().then(
      (v) => (value = v),
      (err) => {
        pending = null;
        throw err;
      },
    ));
  return {
    preload: () => void start().catch(() => undefined),
    useModule(wanted: boolean) {
      const [, rerender] = useReducer((n: number) => n + 1, 0);
      useEffect(() => {
        if (!wanted || value) return;
        let live = true;
        start().then(
          () => live && rerender(),
          () => undefined,
        );
        return () => {
          live = false;
        };
      }, [wanted]);
      return value;
    },
  };
}

/** Runs `preload` once the browser is idle after the page loaded. */
export function usePreloadWhenIdle(preload: () => void): void {
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(preload, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(preload, 1500);
    return () => window.clearTimeout(id);
  }, [preload]);
}
