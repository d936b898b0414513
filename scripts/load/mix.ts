// The load test's request mix: each connection is one signed-in user looping over this cycle, so
// the weights hold exactly and a user's timer is always stopped before it is started again (a 409
// "already running" is impossible by construction and counts as an error). Every acknowledged
// creation (timer start, manual entry) is recorded for the check against the database.
import type { CannonRequest } from "autocannon";

export interface Tally {
  /** Entry ids the server acknowledged with 201, in order. */
  created: string[];
  /** Responses per step name and status, e.g. { "timer.start": { "201": 1200 } }. */
  byStep: Record<string, Record<string, number>>;
}

export const newTally = (): Tally => ({ created: [], byStep: {} });

/** The cycle, documented in docs/performance.md "Load test": 10 requests per loop. */
export const MIX = [
  ["timer.start", "POST /api/v1/timer"],
  ["week", "GET /api/v1/week"],
  ["entry.create", "POST /api/v1/entries"],
  ["timer.get", "GET /api/v1/timer"],
  ["entry.edit", "PATCH /api/v1/entries/:id (the entry just created)"],
  ["week.previous", "GET /api/v1/week?date=<a week ago>"],
  ["timer.stop", "DELETE /api/v1/timer"],
  ["report.summary", "GET /api/v1/reports/summary (last 30 days, by project)"],
  ["dashboard", "GET / (HTML)"],
  ["week", "GET /api/v1/week"],
] as const;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const NO_ENTRY = "00000000-0000-4000-8000-000000000000";

export function userCycle(cookie: string, projectId: string, tally: Tally): CannonRequest[] {
  /** The new entry's id: a timer start answers `{ entry }`, an entry create the entry itself. */
  const createdId = (body: string): string | undefined => {
    try {
      const j = JSON.parse(body) as { id?: string; entry?: { id?: string } };
      return j.entry?.id ?? j.id;
    } catch {
      return undefined;
    }
  };
  // Every 201 is an acknowledged creation, whichever step autocannon files it under: after a
  // connection is cut (test:cluster kills instances behind the balancer) autocannon can hand a
  // response to another step's callback, so the id is read from the answer itself.
  const count = (step: string) => (status: number, body?: string) => {
    const s = (tally.byStep[step] ??= {});
    s[status] = (s[status] ?? 0) + 1;
    if (status !== 201 || !body) return undefined;
    const id = createdId(body);
    if (id) tally.created.push(id);
    return id;
  };
  const jsonHeaders = { cookie, "content-type": "application/json" };
  const get = (step: string, path: string): CannonRequest => ({
    path,
    headers: { cookie },
    onResponse: count(step),
  });
  return [
    {
      method: "POST",
      path: "/api/v1/timer",
      headers: jsonHeaders,
      body: JSON.stringify({ projectId, notes: "load test" }),
      onResponse: (status, body) => void count("timer.start")(status, body),
    },
    get("week", "/api/v1/week"),
    {
      method: "POST",
      path: "/api/v1/entries",
      headers: jsonHeaders,
      body: JSON.stringify({ projectId, date: day(-1), startTime: "08:00", duration: "1h", notes: "load test" }),
      onResponse: (status, body, context) => {
        const id = count("entry.create")(status, body);
        if (id) context.entryId = id;
      },
    },
    get("timer.get", "/api/v1/timer"),
    {
      method: "PATCH",
      headers: jsonHeaders,
      body: JSON.stringify({ duration: "45m", notes: "load test, edited" }),
      // The create's id, from this loop's context; a failed create makes this a visible 404.
      setupRequest: (req, context) => ({ ...req, path: `/api/v1/entries/${String(context.entryId ?? NO_ENTRY)}` }),
      onResponse: count("entry.edit"),
    },
    get("week.previous", `/api/v1/week?date=${day(-7)}`),
    { method: "DELETE", path: "/api/v1/timer", headers: { cookie }, onResponse: count("timer.stop") },
    get("report.summary", `/api/v1/reports/summary?from=${day(-30)}&to=${day(0)}&group1=project`),
    get("dashboard", "/"),
    get("week", "/api/v1/week"),
  ];
}
