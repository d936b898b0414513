// Retry timing: exponential backoff with jitter, giving up once a delivery is older than its window.

export interface RetryPolicy {
  /** Delay after the first failed attempt; doubles after each further one. */
  baseMs: number;
  /** Longest single wait. */
  capMs: number;
  /** Give up when the next attempt would fall later than this after the event. */
  windowMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, capMs: 6 * 3600_000, windowMs: 24 * 3600_000 };

/** When to try again after `attempts` failed attempts, or null to give up. ±10 % jitter spreads retries. */
export function nextAttemptAt(
  attempts: number,
  createdAt: Date,
  now: Date,
  p: RetryPolicy = DEFAULT_RETRY,
  random = Math.random,
): Date | null {
  const exp = Math.min(p.capMs, p.baseMs * 2 ** Math.max(0, attempts - 1));
  const delay = Math.round(exp * (0.9 + 0.2 * random()));
  const at = new Date(now.getTime() + delay);
  return at.getTime() - createdAt.getTime() > p.windowMs ? null : at;
}
