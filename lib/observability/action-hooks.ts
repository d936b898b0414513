// Where server-action outcomes are counted and their unexpected errors reported. lib/action.ts calls
// observeAction/reportActionError; lib/observability/setup.ts subscribes metrics and Sentry.
type Outcome = "ok" | "rejected" | "error";
type Observer = (action: string, outcome: Outcome, seconds: number) => void;
type ErrorObserver = (action: string, err: unknown) => void;

const g = globalThis as unknown as { __ttActionObservers?: Observer[]; __ttActionErrorObservers?: ErrorObserver[] };

export function onActionObserved(fn: Observer): void {
  const list = (g.__ttActionObservers ??= []);
  if (!list.includes(fn)) list.push(fn);
}

export function onActionError(fn: ErrorObserver): void {
  const list = (g.__ttActionErrorObservers ??= []);
  if (!list.includes(fn)) list.push(fn);
}

export function observeAction(action: string, outcome: Outcome, seconds: number): void {
  for (const fn of g.__ttActionObservers ?? []) {
    try {
      fn(action, outcome, seconds);
    } catch {
      // Observing never changes an action's result.
    }
  }
}

export function reportActionError(action: string, err: unknown): void {
  for (const fn of g.__ttActionErrorObservers ?? []) {
    try {
      fn(action, err);
    } catch {
      // Reporting never changes an action's result.
    }
  }
}
