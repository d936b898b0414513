// The "lean and fast" targets of issue #19, measured by `npm run bench:http` in the same run as
// their floors (docs/performance.md "Targets"): timer start + stop p50 ≤ 2 × the /api/health p50 at
// the same concurrency (c=1 here; c=50 is http.ts's timer_start_stop), the dashboard at c=20 with
// p99 ≤ 3 × its p50, and the RSS after the load ≤ 1.5 × idle. On PostgreSQL the timer's floor too
// (timer-floor.ts: one committed write against /api/health, timed to the microsecond).
import type { CannonRequest } from "autocannon";
import { cannon, type HttpFigures } from "../lib/cannon";
import { drain, load1 } from "../lib/bench-server";
import type { TimerFloor } from "./timer-floor";

export interface LeanInput {
  url: string;
  cookies: string[];
  projectId: string;
  durationSeconds: number;
  log: (m: string) => void;
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;

const timerCycle =
  (cookies: string[], projectId: string) =>
  (i: number): CannonRequest[] => [
    {
      method: "POST",
      path: "/api/v1/timer",
      headers: { cookie: cookies[i], "content-type": "application/json" },
      body: JSON.stringify({ projectId }),
    },
    { method: "DELETE", path: "/api/v1/timer", headers: { cookie: cookies[i] } },
  ];

/** Timer start+stop and /api/health at c=1, alternated twice; the dashboard at c=20. */
export async function leanScenarios(o: LeanInput) {
  const { url, cookies, durationSeconds } = o;
  const health1: HttpFigures[] = [];
  const timer1: HttpFigures[] = [];
  for (let round = 0; round < 2; round++) {
    await drain(url);
    health1.push(await cannon({ url, connections: 1, durationSeconds, requests: [{ path: "/api/health" }] }));
    timer1.push(
      await cannon({ url, connections: 1, durationSeconds, perConnection: timerCycle(cookies, o.projectId) }),
    );
    o.log(
      `c=1 round ${round + 1}: /api/health p50 ${health1[round].p50Ms} ms; timer start+stop p50 ${timer1[round].p50Ms} ms (per request)`,
    );
  }
  await drain(url);
  const dashboard20 = await cannon({
    url,
    connections: 20,
    durationSeconds,
    perConnection: (i) => [{ path: "/", headers: { cookie: cookies[i] } }],
  });
  o.log(`dashboard c=20: p50 ${dashboard20.p50Ms} ms, p99 ${dashboard20.p99Ms} ms, ${dashboard20.reqPerSec} req/s`);
  const best = (xs: HttpFigures[]) => xs.reduce((a, b) => (b.p50Ms < a.p50Ms ? b : a));
  const h = best(health1);
  const t = best(timer1);
  return {
    timer_c1: {
      note: "autocannon's latency is per request: a start+stop cycle is two of them (POST then DELETE /api/v1/timer)",
      health: health1,
      timer: timer1,
      cycleP50Ms: Math.round(t.p50Ms * 2 * 10) / 10,
      healthP50Ms: h.p50Ms,
      cycleVsHealth: ratio(t.p50Ms * 2, h.p50Ms),
      requestVsHealth: ratio(t.p50Ms, h.p50Ms),
    },
    dashboard_c20: { ...dashboard20, p99VsP50: ratio(dashboard20.p99Ms, dashboard20.p50Ms), loadAverage: load1() },
  };
}

/** The targets from one run's figures (null where a figure is missing). */
export function leanTargets(r: {
  lean: Awaited<ReturnType<typeof leanScenarios>>;
  timer50?: { p50Ms: number; floor: { p50Ms: number } };
  /** PostgreSQL: the same at microsecond resolution, and what a committed write alone costs. */
  timerFloor?: TimerFloor;
  idleMiB: number;
  afterLoadMiB?: number;
}) {
  const t50 = r.timer50;
  const f = r.timerFloor;
  return {
    timerCycleP50VsHealthC1: { value: r.lean.timer_c1.cycleVsHealth, target: 2 },
    // The same target timed to the microsecond (autocannon's health p50 is 1 ms, rounded) ...
    timerCycleP50VsHealthC1Precise: f ? { value: f.cycleVsHealth, target: 2 } : null,
    // ... and its floor: two requests' health round trips plus two committed writes, the least a durable
    // start and stop over HTTP need (over 2: unreachable).
    timerCycleFloorVsHealthC1: f ? { value: f.cycleFloorVsHealth, target: 2 } : null,
    timerCycleP50VsHealthC50: t50 ? { value: ratio(t50.p50Ms * 2, t50.floor.p50Ms), target: 2 } : null,
    dashboardC20P99VsP50: { value: r.lean.dashboard_c20.p99VsP50, target: 3 },
    rssAfterLoadVsIdle: r.afterLoadMiB ? { value: ratio(r.afterLoadMiB, r.idleMiB), target: 1.5 } : null,
  };
}
