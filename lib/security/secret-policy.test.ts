import { secretProblem } from "./secret-policy";

describe("session secret policy", () => {
  const strong = "q8Vd3kP0sZx1Lr7NwYb2Tc6Hm9Ja4Ge5Uf0Io3Kp8=";
  it.each([
    ["production, embedded DB, unset: a generated key is kept in DATA_DIR", { NODE_ENV: "production" }, null],
    [
      "production, PostgreSQL, unset",
      { NODE_ENV: "production", DATABASE_URL: "postgres://x" },
      /required with DATABASE_URL/,
    ],
    ["production, short", { NODE_ENV: "production", NEXTAUTH_SECRET: "short-secret" }, /too weak/],
    ["production, placeholder", { NODE_ENV: "production", NEXTAUTH_SECRET: "x".repeat(40) }, /too weak/],
    ["production, strong", { NODE_ENV: "production", NEXTAUTH_SECRET: strong }, null],
    ["development, weak", { NODE_ENV: "development", NEXTAUTH_SECRET: "dev" }, null],
  ])("%s", (_name, env, expected) => {
    const res = secretProblem(env);
    if (expected === null) expect(res).toBeNull();
    else {
      expect(res).toMatch(expected);
      expect(res).toContain("openssl rand -base64 32");
    }
  });
});
