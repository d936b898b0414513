import path from "node:path";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database in ./data with logs in ./logs/app.jsonl", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.dataDir).toBe(path.resolve("data"));
    expect(e.logFilePath).toBe(path.resolve("logs/app.jsonl"));
    expect(e.ENABLE_TELEMETRY).toBe(false);
  });

  it("names the variable in one line when DATABASE_URL is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x@y/z" })).toThrow(EnvError);
    // The whole message, so one line (no "\n"), and the class: an EnvError, not a ZodError.
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(
      /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL$/,
    );
  });

  it.each([
    ["true", true],
    ["YES", true],
    ["on", true],
    ["1", true],
    ["false", false],
    ["maybe", false],
    ["", false],
  ])("reads ENABLE_TELEMETRY=%p as %p", (raw, expected) => {
    expect(parseEnv({ ENABLE_TELEMETRY: raw }).ENABLE_TELEMETRY).toBe(expected);
  });

  it("rejects an out-of-range port", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
