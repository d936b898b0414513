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

describe("TRUSTED_PROXIES", () => {
  it("is parsed into the set of trusted proxies; unset trusts nobody", () => {
    expect(parseEnv({}).trustedProxies.has("127.0.0.1")).toBe(false);
    const e = parseEnv({ TRUSTED_PROXIES: "loopback, 10.1.0.0/16" });
    expect(e.trustedProxies.has("127.0.0.1")).toBe(true);
    expect(e.trustedProxies.has("10.1.2.3")).toBe(true);
    expect(e.trustedProxies.has("10.2.0.1")).toBe(false);
  });

  it("names the variable and the bad entry in one line", () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.1, my-proxy" })).toThrow(
      'Invalid configuration: TRUSTED_PROXIES has "my-proxy", which is not an IP address, a CIDR range, "loopback" or "private"',
    );
  });
});

describe("SMTP", () => {
  it("takes an smtp:// or smtps:// URL and needs a From address with it", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    const e = parseEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465", SMTP_FROM: "TT <tt@example.com>" });
    expect(e.SMTP_URL).toBe("smtps://u:p@mail.example.com:465");
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(/SMTP_URL must be an smtp/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com" })).toThrow(
      "Invalid configuration: SMTP_FROM must be set when SMTP_URL is set",
    );
  });

  it("takes single sign-on only with its client id and secret, and with the openid scope", () => {
    const sso = { OIDC_ISSUER: "https://id.example.com/realms/acme", OIDC_CLIENT_ID: "tt", OIDC_CLIENT_SECRET: "s" };
    expect(parseEnv(sso)).toMatchObject({ OIDC_SCOPES: "openid email profile", OIDC_EMERGENCY_PASSWORD_LOGIN: false });
    expect(() => parseEnv({ OIDC_ISSUER: sso.OIDC_ISSUER, OIDC_CLIENT_ID: "tt" })).toThrow(
      "Invalid configuration: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is set",
    );
    expect(() => parseEnv({ ...sso, OIDC_SCOPES: "email profile" })).toThrow(/OIDC_SCOPES must include openid/);
    expect(() => parseEnv({ ...sso, OIDC_ISSUER: "ftp://id.example.com" })).toThrow(/OIDC_ISSUER must be/);
  });
});
