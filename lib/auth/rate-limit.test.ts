import { createRateLimiter } from "./rate-limit";

describe("login rate limiter", () => {
  it("limits a key after the allowed failures and frees it when the window passes", () => {
    const rl = createRateLimiter(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(rl.isLimited("u:alice", 100)).toBe(false);
      rl.recordFailure("u:alice", 100);
    }
    expect(rl.isLimited("u:alice", 500)).toBe(true);
    expect(rl.isLimited("u:bob", 500)).toBe(false);
    expect(rl.isLimited("u:alice", 1101)).toBe(false);
  });

  it("reset clears a key", () => {
    const rl = createRateLimiter(1, 1000);
    rl.recordFailure("k", 0);
    expect(rl.isLimited("k", 1)).toBe(true);
    rl.reset("k");
    expect(rl.isLimited("k", 1)).toBe(false);
  });
});
