import { parseEnv, resetEnvCache } from "@/lib/env";
import { hashLogN, hashPassword, LOG_N, verifyPassword } from "./password";

describe("password hashing", () => {
  describe("in production (the test suite's cheaper cost still set)", () => {
    const saved = process.env.NODE_ENV;
    beforeAll(() => {
      expect(process.env.TEST_PASSWORD_HASH_LOG_N).toBe("10");
      (process.env as Record<string, string>).NODE_ENV = "production";
      resetEnvCache();
    });
    afterAll(() => {
      (process.env as Record<string, string | undefined>).NODE_ENV = saved;
      resetEnvCache();
    });

    it("hashes with scrypt and a random salt, and verifies only the right password", async () => {
      const a = await hashPassword("correct horse 1");
      const b = await hashPassword("correct horse 1");
      expect(a).toMatch(/^scrypt\$15\$8\$1\$/);
      expect(a).not.toBe(b);
      await expect(verifyPassword("correct horse 1", a)).resolves.toBe(true);
      await expect(verifyPassword("correct horse 2", a)).resolves.toBe(false);
    });
  });

  it("uses the production cost everywhere but NODE_ENV=test", () => {
    const knob = { TEST_PASSWORD_HASH_LOG_N: "10" };
    expect(LOG_N).toBe(15);
    expect(hashLogN(parseEnv({ ...knob, NODE_ENV: "production" }))).toBe(15);
    expect(hashLogN(parseEnv({ ...knob, NODE_ENV: "development" }))).toBe(15);
    expect(hashLogN(parseEnv({ ...knob }))).toBe(15);
    expect(hashLogN(parseEnv({ NODE_ENV: "test" }))).toBe(15);
    expect(hashLogN(parseEnv({ ...knob, NODE_ENV: "test" }))).toBe(10);
    expect(() => parseEnv({ TEST_PASSWORD_HASH_LOG_N: "4" })).toThrow(/TEST_PASSWORD_HASH_LOG_N/);
  });

  it("a hash made at the test cost still verifies (the cost is read from the stored hash)", async () => {
    const h = await hashPassword("correct horse 1");
    expect(h).toMatch(/^scrypt\$10\$8\$1\$/);
    await expect(verifyPassword("correct horse 1", h)).resolves.toBe(true);
    await expect(verifyPassword("correct horse 2", h)).resolves.toBe(false);
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    await expect(verifyPassword("x", "md5$abc")).resolves.toBe(false);
    await expect(verifyPassword("x", "scrypt$99$8$1$a$b")).resolves.toBe(false);
  });
});
