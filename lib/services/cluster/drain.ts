// Graceful shutdown (SIGTERM): the instance says it is not ready (/api/ready → 503, so a load
// balancer stops sending it work), waits SHUTDOWN_DELAY_SECONDS for the balancer to notice, stops
// accepting connections, lets the requests in flight finish (at most SHUTDOWN_TIMEOUT_SECONDS), runs
// the shutdown hooks (leader lock released, listeners closed, queues flushed, database closed) and
// exits 0. Requests are counted at Node's `http.server.request.start` diagnostics channel, which also
// names the server to close: Next's standalone server exists before our code runs.
import "server-only";
import diagnostics from "node:diagnostics_channel";
import { Server, type IncomingMessage, type ServerResponse } from "node:http";

export interface ShutdownHook {
  name: string;
  /** Lower runs first: 10 stop background work, 50 flush queues, 90 close the database. */
  order: number;
  run(): Promise<void> | void;
}

interface State {
  draining: boolean;
  inFlight: number;
  servers: Set<Server>;
  hooks: ShutdownHook[];
  drainListeners: Set<() => void>;
  installed?: (msg: unknown) => void;
  idle: Set<() => void>;
}

const KEY = Symbol.for("timetracker.drain");
const g = globalThis as unknown as { [KEY]?: State };
const state = (): State =>
  (g[KEY] ??= {
    draining: false,
    inFlight: 0,
    servers: new Set(),
    hooks: [],
    drainListeners: new Set(),
    idle: new Set(),
  });

export function isDraining(): boolean {
  return state().draining;
}

export function requestsInFlight(): number {
  return state().inFlight;
}

function onRequest(msg: unknown): void {
  const { response: res, server } = msg as { request: IncomingMessage; response: ServerResponse; server?: Server };
  const s = state();
  if (server) s.servers.add(server);
  s.inFlight++;
  // While draining, keep-alive clients are told to reconnect (to another instance) after this answer.
  if (s.draining && !res.headersSent) res.setHeader("connection", "close");
  res.once("close", () => {
    s.inFlight--;
    if (s.inFlight === 0) for (const f of [...s.idle]) f();
  });
}

/** Starts counting requests (once per process; lib/services/startup.ts). */
export function trackRequests(): void {
  const s = state();
  if (s.installed) return;
  s.installed = onRequest;
  diagnostics.subscribe("http.server.request.start", onRequest);
}

/** Adds a step to the shutdown sequence (e.g. a worker stops taking jobs). Returns a remover. */
export function onShutdown(hook: ShutdownHook): () => void {
  const s = state();
  s.hooks.push(hook);
  return () => {
    s.hooks = s.hooks.filter((h) => h !== hook);
  };
}

/** Called once when draining starts: long-lived streams (live sync) end so their clients reconnect
 * elsewhere instead of holding the shutdown up. */
export function onDrainStart(listener: () => void): () => void {
  const s = state();
  s.drainListeners.add(listener);
  return () => s.drainListeners.delete(listener);
}

// No request yet means no server seen at the channel: ask Node for its open handles (undocumented but
// stable since Node 0.x; without it a server that never answered a request would keep accepting).
function listeningServers(): Server[] {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h): h is Server => h instanceof Server);
}

function waitIdle(s: State, timeoutMs: number): Promise<boolean> {
  if (s.inFlight <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      s.idle.delete(onIdle);
      resolve(ok);
    };
    const onIdle = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    s.idle.add(onIdle);
  });
}

export interface DrainResult {
  /** Requests still running when the timeout ended the wait (their connections were closed). */
  abandoned: number;
  hookErrors: string[];
}

/**
 * Drains this process: not-ready, delay, stop accepting, wait for requests in flight (bounded), run
 * the hooks in order. Does not exit: the caller does (startup.ts exits 0 afterwards).
 */
export async function drain(opts: { delayMs: number; timeoutMs: number; servers?: Server[] }): Promise<DrainResult> {
  const s = state();
  s.draining = true;
  for (const l of [...s.drainListeners]) {
    try {
      l();
    } catch {
      // A listener's failure must not stop the shutdown.
    }
  }
  if (opts.delayMs > 0) await new Promise((r) => setTimeout(r, opts.delayMs));
  const servers = new Set([...s.servers, ...(opts.servers ?? []), ...listeningServers()]);
  for (const server of servers) {
    server.close();
    server.closeIdleConnections();
  }
  const finished = await waitIdle(s, opts.timeoutMs);
  const abandoned = finished ? 0 : s.inFlight;
  if (!finished) for (const server of servers) server.closeAllConnections();
  const hookErrors: string[] = [];
  for (const hook of [...s.hooks].sort((a, b) => a.order - b.order)) {
    try {
      await hook.run();
    } catch (err) {
      hookErrors.push(`${hook.name}: ${(err as Error).message}`);
    }
  }
  return { abandoned, hookErrors };
}

/** For tests: forget servers, hooks and the draining flag. */
export function resetDrainState(): void {
  const s = state();
  if (s.installed) diagnostics.unsubscribe("http.server.request.start", s.installed);
  delete g[KEY];
}
