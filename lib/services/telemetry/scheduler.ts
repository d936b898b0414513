// Runs installation telemetry in the background: shortly after start, then at the check interval;
// after a failure, again with exponential backoff. Timers are unref'd (they never keep the process
// alive) and nothing here can block start-up or a request.
import "server-only";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/observability/logger";
import { runTelemetryOnce, type RunOutcome } from "./send";

interface State {
  timer?: NodeJS.Timeout;
  failures: number;
  running: boolean;
}
const g = globalThis as unknown as { __ttTelemetry?: State };

const MINUTE = 60_000;
const MAX_DELAY = 24 * 60 * MINUTE;

/** Delay before the next pass, given how this one went. */
export function nextDelayMs(outcome: RunOutcome, failures: number, intervalHours: number): number {
  const interval = Math.min(intervalHours * 3600_000, MAX_DELAY);
  if (outcome.action === "failed") return Math.min(MINUTE * 2 ** Math.max(0, failures - 1), interval);
  // Off, or nothing to do yet: look again within the hour (another process may have changed it).
  return Math.min(interval, 60 * MINUTE);
}

function schedule(state: State, ms: number) {
  if (state.timer) clearTimeout(state.timer);
  state.timer = setTimeout(() => void tick(state), ms);
  state.timer.unref();
}

async function tick(state: State) {
  if (state.running) return;
  state.running = true;
  let outcome: RunOutcome;
  try {
    outcome = await runTelemetryOnce();
  } catch (err) {
    childLogger("telemetry").warn({ event: "telemetry.error", err }, "telemetry pass failed");
    outcome = { action: "failed", error: "internal" };
  } finally {
    state.running = false;
  }
  state.failures = outcome.action === "failed" ? state.failures + 1 : 0;
  if (g.__ttTelemetry === state) schedule(state, nextDelayMs(outcome, state.failures, env().TELEMETRY_INTERVAL_HOURS));
}

/** Starts the background schedule once per process (lib/services/startup.ts, after migrations). */
export function startTelemetryScheduler(firstDelayMs = 10_000): void {
  if (g.__ttTelemetry) return;
  const state: State = { failures: 0, running: false };
  g.__ttTelemetry = state;
  schedule(state, firstDelayMs);
}

/** Runs a pass soon (after the admin turned telemetry on), when the schedule is running. */
export function kickTelemetry(delayMs = 1_000): void {
  const state = g.__ttTelemetry;
  if (state) schedule(state, delayMs);
}

export function stopTelemetryScheduler(): void {
  const state = g.__ttTelemetry;
  if (state?.timer) clearTimeout(state.timer);
  delete g.__ttTelemetry;
}
