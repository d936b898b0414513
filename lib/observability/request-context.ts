// Per-request context (request id, route, user id) carried through async calls, so every log line
// written while serving a request carries its request id. Kept on globalThis: one store per process.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
  route?: string;
  userId?: string;
}

const KEY = Symbol.for("timetracker.requestContext");
const g = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };
export const requestStore: AsyncLocalStorage<RequestContext> = (g[KEY] ??= new AsyncLocalStorage<RequestContext>());

export function currentContext(): RequestContext | undefined {
  return requestStore.getStore();
}

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return requestStore.run(ctx, fn);
}
