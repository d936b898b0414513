// Fixed-window failure counter for logins, per username and per client address. In memory: one
// process serves an installation (PGlite) or each replica limits on its own (documented).
export interface RateLimiter {
  /** True when key has used up its attempts in the current window. */
  isLimited(key: string, now?: number): boolean;
  recordFailure(key: string, now?: number): void;
  reset(key: string): void;
}

export function createRateLimiter(maxAttempts: number, windowMs: number): RateLimiter {
  const hits = new Map<string, { count: number; start: number }>();
  const current = (key: string, now: number) => {
    const h = hits.get(key);
    if (!h || now - h.start >= windowMs) {
      hits.delete(key);
      return undefined;
    }
    return h;
  };
  return {
    isLimited(key, now = Date.now()) {
      return (current(key, now)?.count ?? 0) >= maxAttempts;
    },
    recordFailure(key, now = Date.now()) {
      const h = current(key, now);
      if (h) h.count += 1;
      else hits.set(key, { count: 1, start: now });
      // Bound memory under a spray of usernames: drop the oldest entries.
      if (hits.size > 10_000) hits.delete(hits.keys().next().value as string);
    },
    reset(key) {
      hits.delete(key);
    },
  };
}
