// Where server-action outcomes are counted. Metrics plug in here (lib/observability/metrics.ts).
type Observer = (action: string, outcome: "ok" | "rejected" | "error", seconds: number) => void;

const g = globalThis as unknown as { __ttActionObservers?: Observer[] };

export function onActionObserved(fn: Observer): void {
  (g.__ttActionObservers ??= []).push(fn);
}

export function observeAction(action: string, outcome: "ok" | "rejected" | "error", seconds: number): void {
  for (const fn of g.__ttActionObservers ?? []) fn(action, outcome, seconds);
}
