// Where database query timings go. lib/db/connection.ts reports every Prisma operation here through a
// client extension; metrics.ts subscribes. Kept on globalThis: one list per process.
export type DbQueryObserver = (model: string, operation: string, seconds: number) => void;

const KEY = Symbol.for("timetracker.dbQueryObservers");
const g = globalThis as unknown as { [KEY]?: DbQueryObserver[] };

export function onDbQuery(fn: DbQueryObserver): void {
  const list = (g[KEY] ??= []);
  if (!list.includes(fn)) list.push(fn);
}

export function observeDbQuery(model: string, operation: string, seconds: number): void {
  for (const fn of g[KEY] ?? []) {
    try {
      fn(model, operation, seconds);
    } catch {
      // A metrics failure never breaks a query.
    }
  }
}
