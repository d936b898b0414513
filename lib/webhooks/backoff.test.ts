// Retry timing: doubling waits from the base, capped, and giving up past the 24-hour window.
import { DEFAULT_RETRY, nextAttemptAt } from "./backoff";

const t0 = new Date("2026-12-07T12:00:00Z");
const mid = () => 0.5; // no jitter

test("waits double from 30 s and are capped at 6 h", () => {
  const waits = [1, 2, 3, 4, 10, 11, 12].map(
    (n) => nextAttemptAt(n, t0, t0, DEFAULT_RETRY, mid)!.getTime() - t0.getTime(),
  );
  expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 15_360_000, 21_600_000, 21_600_000]);
});

test("jitter stays within ±10 %", () => {
  expect(nextAttemptAt(1, t0, t0, DEFAULT_RETRY, () => 0)!.getTime() - t0.getTime()).toBe(27_000);
  expect(nextAttemptAt(1, t0, t0, DEFAULT_RETRY, () => 1)!.getTime() - t0.getTime()).toBe(33_000);
});

test("gives up when the next try would be more than 24 h after the event", () => {
  const late = new Date(t0.getTime() + 24 * 3600_000 - 10_000);
  expect(nextAttemptAt(1, t0, late, DEFAULT_RETRY, mid)).toBeNull();
  expect(nextAttemptAt(1, t0, new Date(t0.getTime() + 3600_000), DEFAULT_RETRY, mid)).not.toBeNull();
});

test("the whole schedule spans about a day, in 12 to 15 attempts", () => {
  let now = t0;
  let attempts = 0;
  for (;;) {
    attempts++;
    const next = nextAttemptAt(attempts, t0, now, DEFAULT_RETRY, mid);
    if (!next) break;
    now = next;
  }
  expect(attempts).toBeGreaterThanOrEqual(12);
  expect(attempts).toBeLessThanOrEqual(15);
  expect(now.getTime() - t0.getTime()).toBeGreaterThan(18 * 3600_000);
});
