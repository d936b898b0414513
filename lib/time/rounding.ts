// Rounds a duration to the organization's step (none/1/5/6/10/15/30 minutes; up, down or nearest).

export type RoundingMode = "up" | "down" | "nearest";

/**
 * Rounds seconds to a multiple of stepMinutes. A duration that would round to zero keeps its
 * exact length: rounding never erases work or produces an entry that ends where it starts.
 */
export function roundDurationSeconds(seconds: number, stepMinutes: number, mode: RoundingMode): number {
  if (!stepMinutes || stepMinutes <= 0) return seconds;
  const step = stepMinutes * 60;
  const fn = mode === "up" ? Math.ceil : mode === "down" ? Math.floor : Math.round;
  const rounded = fn(seconds / step) * step;
  return rounded > 0 ? rounded : seconds;
}

/** The end time that gives the rounded duration from start. */
export function roundedEnd(start: Date, end: Date, stepMinutes: number, mode: RoundingMode): Date {
  const secs = (end.getTime() - start.getTime()) / 1000;
  return new Date(start.getTime() + roundDurationSeconds(secs, stepMinutes, mode) * 1000);
}
