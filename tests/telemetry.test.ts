// Installation telemetry against a real database and a local fake TELE_URL: the decision table, the
// fingerprint, exactly-once install ping, the update ping, the update check, failures and debug.
import { resetEnvCache, parseEnv } from "@/lib/env";
import { systemActor } from "@/lib/services/actor";
import { resetSetupCache, ensureInstallation } from "@/lib/services/installation";
import { getTelemetryStatus, previewTelemetryPayload, setInstallationTelemetry } from "@/lib/services/telemetry";
import { decideTelemetry } from "@/lib/services/telemetry/decision";
import { buildTelemetryPayload, fingerprintFor, PAYLOAD_FIELDS } from "@/lib/services/telemetry/payload";
import { runTelemetryOnce } from "@/lib/services/telemetry/send";
import { setupTestDb } from "./helpers/db";
import { startFakeServer, type FakeServer } from "./helpers/fake-http";

const db = setupTestDb();
const sys = systemActor("test:telemetry");
let fake: FakeServer;
const ENV_KEYS = ["TELE_URL", "TELE_SALT", "ENABLE_TELEMETRY", "DO_NOT_TRACK", "TELEMETRY_DEBUG"] as const;

function setEnv(vars: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  for (const k of ENV_KEYS) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
}

beforeAll(async () => {
  fake = await startFakeServer();
});
afterAll(async () => {
  setEnv({});
  await fake.close();
});
beforeEach(async () => {
  await db.current().truncate();
  resetSetupCache();
  fake.requests.length = 0;
  fake.respond(200, { latest_version: "0.1.0" });
  setEnv({ TELE_URL: fake.url });
});

describe("the telemetry decision", () => {
  const cases: [string | undefined, boolean, string | undefined, boolean][] = [];
  for (const envFlag of [undefined, "true", "1", "YES", "on", "false", "0", "maybe"])
    for (const admin of [false, true])
      for (const dnt of [undefined, "1", "0"]) {
        const envOn = envFlag !== undefined && /^(1|true|yes|on)$/i.test(envFlag);
        cases.push([envFlag, admin, dnt, dnt !== "1" && (envOn || admin)]);
      }
  it.each(cases)("ENABLE_TELEMETRY=%s, admin opt-in %s, DO_NOT_TRACK=%s → %s", (envFlag, admin, dnt, expected) => {
    const e = parseEnv({ ENABLE_TELEMETRY: envFlag, DO_NOT_TRACK: dnt });
    expect(decideTelemetry(e, admin).enabled).toBe(expected);
  });

  it("is off by default", () => {
    expect(decideTelemetry(parseEnv({}), false)).toEqual({ enabled: false, reason: "off" });
  });
});

describe("the fingerprint", () => {
  it("is 64 hex characters, stable, and changes with the salt", () => {
    const a = fingerprintFor("host-a", "salt-1");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintFor("host-a", "salt-1")).toBe(a);
    expect(fingerprintFor("host-a", "salt-2")).not.toBe(a);
    expect(fingerprintFor("host-b", "salt-1")).not.toBe(a);
  });

  it("uses TELE_SALT instead of the installation salt when set", async () => {
    const row = await ensureInstallation();
    const own = buildTelemetryPayload(row, { version: "1.0.0", hostname: "h" });
    const overridden = buildTelemetryPayload(row, { version: "1.0.0", hostname: "h", teleSalt: "operator-salt" });
    expect(own.fingerprint).toBe(fingerprintFor("h", row.salt));
    expect(overridden.fingerprint).toBe(fingerprintFor("h", "operator-salt"));
    expect(row.salt).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("sending to TELE_URL", () => {
  it("sends nothing when telemetry is off", async () => {
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "disabled", reason: "off" });
    expect(fake.requests).toHaveLength(0);
  });

  it("sends nothing with DO_NOT_TRACK=1, even when the admin opted in and ENABLE_TELEMETRY is on", async () => {
    setEnv({ TELE_URL: fake.url, ENABLE_TELEMETRY: "true", DO_NOT_TRACK: "1" });
    await setInstallationTelemetry(sys, { enabled: true });
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "disabled", reason: "do_not_track" });
    expect(fake.requests).toHaveLength(0);
  });

  it("sends nothing without TELE_URL", async () => {
    setEnv({ ENABLE_TELEMETRY: "1" });
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "no_url" });
    expect(fake.requests).toHaveLength(0);
  });

  it("sends the install ping once, with exactly the documented fields, and the preview's bytes", async () => {
    await setInstallationTelemetry(sys, { enabled: true });
    const preview = await previewTelemetryPayload(sys);
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "install" });
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/ping");
    expect(req.headers.cookie).toBeUndefined();
    expect(req.body).toBe(preview);
    const body = JSON.parse(req.body);
    expect(Object.keys(body).sort()).toEqual([...PAYLOAD_FIELDS].sort());
    expect(body.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(body.app_version).toBe("0.1.0");
    expect(new Date(body.installed_at).toISOString()).toBe(body.installed_at);
    expect(body.updated_at).toBe(body.installed_at);

    // Restarts and later passes do not send it again.
    resetEnvCache();
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "idle" });
    expect(fake.requests).toHaveLength(1);
  });

  it("sends the install ping exactly once when several passes race", async () => {
    setEnv({ TELE_URL: fake.url, ENABLE_TELEMETRY: "true" });
    const outcomes = await Promise.all([
      runTelemetryOnce(),
      runTelemetryOnce(),
      runTelemetryOnce(),
      runTelemetryOnce(),
    ]);
    expect(outcomes.filter((o) => o.action === "install")).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("sends an update ping when the version changes, then nothing until the next check", async () => {
    await setInstallationTelemetry(sys, { enabled: true });
    const t0 = new Date("2026-11-01T10:00:00Z");
    await runTelemetryOnce({ version: "0.1.0", now: t0 });
    const t1 = new Date("2026-11-02T09:00:00Z");
    await expect(runTelemetryOnce({ version: "0.2.0", now: t1 })).resolves.toEqual({ action: "update" });
    await expect(runTelemetryOnce({ version: "0.2.0", now: t1 })).resolves.toEqual({ action: "idle" });
    expect(fake.requests).toHaveLength(2);
    const update = JSON.parse(fake.requests[1].body);
    expect(update.app_version).toBe("0.2.0");
    expect(update.updated_at).toBe(t1.toISOString());
    expect(update.installed_at).toBe(JSON.parse(fake.requests[0].body).installed_at);
  });

  it("checks for updates at the interval with a plain GET and shows a newer version", async () => {
    await setInstallationTelemetry(sys, { enabled: true });
    const t0 = new Date("2026-11-01T10:00:00Z");
    await runTelemetryOnce({ now: t0 });
    fake.respond(200, { latest_version: "9.1.0" });
    await expect(runTelemetryOnce({ now: new Date(t0.getTime() + 23 * 3600_000) })).resolves.toEqual({
      action: "idle",
    });
    await expect(runTelemetryOnce({ now: new Date(t0.getTime() + 25 * 3600_000) })).resolves.toEqual({
      action: "check",
    });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].method).toBe("GET");
    expect(fake.requests[1].body).toBe("");
    const status = await getTelemetryStatus(sys);
    expect(status.latestKnownVersion).toBe("9.1.0");
    expect(status.updateAvailable).toBe(true);
  });

  it("records a failure, gives the install marker back, and succeeds on a later try", async () => {
    await setInstallationTelemetry(sys, { enabled: true });
    fake.respond(500);
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "failed", error: "HTTP 500" });
    expect((await getTelemetryStatus(sys)).lastError).toBe("HTTP 500");
    expect((await ensureInstallation()).installPingSentAt).toBeNull();
    fake.respond(200, {});
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "install" });
    expect((await getTelemetryStatus(sys)).lastError).toBeNull();
  });

  it("survives an unreachable endpoint without throwing", async () => {
    setEnv({ TELE_URL: "http://127.0.0.1:9/unreachable", ENABLE_TELEMETRY: "1" });
    const out = await runTelemetryOnce();
    expect(out.action).toBe("failed");
  });

  it("with TELEMETRY_DEBUG logs the payload instead of sending it", async () => {
    setEnv({ TELE_URL: fake.url, ENABLE_TELEMETRY: "1", TELEMETRY_DEBUG: "1" });
    await expect(runTelemetryOnce()).resolves.toEqual({ action: "debug" });
    expect(fake.requests).toHaveLength(0);
  });
});
