// PGlite runs SQL synchronously, as WebAssembly on the server's one JavaScript thread, and hands its
// connection from one waiting query to the next through promises. Under load a whole backlog of
// queries then runs inside one microtask drain, and Node does no I/O until it ends: no socket is
// read and, since libuv accepts one connection per event-loop turn, new visitors wait in the
// kernel's accept queue for up to tens of seconds (found by the load test, docs/performance.md).
// This wrapper queues every statement and transaction in arrival order and starts each in its own
// event-loop turn (setImmediate), so the server reads, accepts and answers between any two of them.
import type { PGlite, Transaction } from "@electric-sql/pglite";

type Job = () => void;

export interface TurnStats {
  /** Statements and transactions waiting for the connection right now. */
  queued: number;
}

/**
 * The same PGlite, with query(), exec() and transaction() taking turns: first come, first served,
 * one per event-loop turn. Statements inside a transaction run at once (the transaction holds the
 * turn until it ends); like PGlite itself, a query outside an open transaction waits for it to end.
 */
export function inTurns(pglite: PGlite): PGlite & { turnStats(): TurnStats } {
  const queue: Job[] = [];
  let busy = false;

  const next = () => {
    const job = queue.shift();
    if (!job) {
      busy = false;
      return;
    }
    busy = true;
    setImmediate(job);
  };

  function take<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push(() => {
        let out: Promise<T>;
        try {
          out = fn();
        } catch (err) {
          out = Promise.reject(err);
        }
        out.then(resolve, reject).finally(next);
      });
      if (!busy) next();
    });
  }

  const overrides = {
    query: (...args: Parameters<PGlite["query"]>) => take(() => pglite.query(...args)),
    exec: (...args: Parameters<PGlite["exec"]>) => take(() => pglite.exec(...args)),
    transaction: <T>(fn: (tx: Transaction) => Promise<T>) => take(() => pglite.transaction(fn)),
    turnStats: (): TurnStats => ({ queued: queue.length }),
  };
  return new Proxy(pglite, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(overrides, key)) return overrides[key as keyof typeof overrides];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as PGlite & { turnStats(): TurnStats };
}
