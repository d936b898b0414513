// A running timer's elapsed time as a stopwatch shows it: "0:00:07", "1:05:00", "26:00:00".
export function formatClock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** Whole seconds from an ISO start to `now` (ms), never negative (a clock slightly behind the server's). */
export function elapsedSeconds(startIso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(startIso)) / 1000));
}
