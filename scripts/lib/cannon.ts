// autocannon, driven programmatically and summarised the same way for every HTTP figure:
// req/s, p50/p99/max latency in ms, errors = socket errors + timeouts + non-2xx responses.
import autocannon, { type CannonRequest, type CannonResult } from "autocannon";

export interface HttpFigures {
  connections: number;
  durationSeconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  statusCodes: Record<string, number>;
}

export function figures(r: CannonResult, connections: number): HttpFigures {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    connections,
    durationSeconds: r.duration,
    requests: r.requests.total,
    reqPerSec: round(r.requests.average),
    p50Ms: round(r.latency.p50),
    p99Ms: round(r.latency.p99),
    maxMs: round(r.latency.max),
    errors: r.errors + r.timeouts + r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

export interface CannonRun {
  url: string;
  connections: number;
  durationSeconds: number;
  /** A request unanswered after this long counts as an error (a timeout); default 10 s. */
  timeoutSeconds?: number;
  /** The same requests for every connection … */
  requests?: CannonRequest[];
  headers?: Record<string, string>;
  /** … or connection i's own request cycle (e.g. signed in as its own user). */
  perConnection?: (i: number) => CannonRequest[];
}

export async function cannon(run: CannonRun): Promise<HttpFigures> {
  let next = 0;
  const perConnection = run.perConnection;
  const r = await autocannon({
    url: run.url,
    connections: run.connections,
    duration: run.durationSeconds,
    timeout: run.timeoutSeconds ?? 10,
    headers: run.headers,
    requests: run.requests ?? (perConnection ? perConnection(0) : undefined),
    setupClient: perConnection ? (client) => client.setRequests(perConnection(next++)) : undefined,
  });
  return figures(r, run.connections);
}
