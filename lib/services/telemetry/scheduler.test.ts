// The telemetry schedule's pacing: exponential backoff after failures, capped by the interval.
import { nextDelayMs } from "./scheduler";

const MIN = 60_000;

describe("nextDelayMs", () => {
  it("backs off exponentially after failures, up to the check interval", () => {
    const failed = { action: "failed", error: "timeout" } as const;
    expect([1, 2, 3, 4].map((n) => nextDelayMs(failed, n, 24))).toEqual([MIN, 2 * MIN, 4 * MIN, 8 * MIN]);
    expect(nextDelayMs(failed, 30, 24)).toBe(24 * 60 * MIN);
    expect(nextDelayMs(failed, 30, 0.5)).toBe(30 * MIN);
  });

  it("looks again within the hour otherwise, or sooner with a shorter interval", () => {
    expect(nextDelayMs({ action: "idle" }, 0, 24)).toBe(60 * MIN);
    expect(nextDelayMs({ action: "disabled", reason: "off" }, 0, 24)).toBe(60 * MIN);
    expect(nextDelayMs({ action: "install" }, 0, 0.25)).toBe(15 * MIN);
  });
});
