// The installation wizard's server side against a real database: the redirect rule, one admin
// under concurrent submissions, the stored choices, and the CLI's way around the wizard.
import { AppError } from "@/lib/errors";
import { resetEnvCache } from "@/lib/env";
import { checkLogin } from "@/lib/services/users";
import { getOrgSettings } from "@/lib/services/settings";
import { isProductAnalyticsAllowed as consentGiven, posthogConfigured } from "@/lib/observability/analytics";
import { systemActor } from "@/lib/services/actor";
import {
  completeSetup,
  getInstallation,
  isSetupComplete,
  markSetupComplete,
  resetSetupCache,
  setProductAnalyticsChoice,
  setupRedirectTarget,
} from "@/lib/services/installation";
import { db as prisma } from "@/lib/db";
import { setupTestDb } from "./helpers/db";

const db = setupTestDb();
const sys = systemActor("test:setup");
/** What the browser is told: PostHog configured (key, no DO_NOT_TRACK) and the admin's consent. */
const isProductAnalyticsAllowed = async () => posthogConfigured() && (await consentGiven());

const form = {
  username: "boss",
  email: "Boss@Example.com",
  fullName: "",
  password: "a-good-passw0rd",
  confirmPassword: "a-good-passw0rd",
  name: "Acme",
  timezone: "Europe/Brussels",
  currency: "usd",
  weekStart: "1",
  roundingMinutes: "15",
  roundingMode: "up" as const,
  telemetry: undefined as string | undefined,
  productAnalytics: undefined as string | undefined,
};

beforeEach(async () => {
  delete process.env.POSTHOG_API_KEY;
  delete process.env.DO_NOT_TRACK;
  resetEnvCache();
  await db.current().truncate();
  resetSetupCache();
});

describe("the setup redirect rule", () => {
  it("sends every page to /setup until setup is complete, except the exempt paths", async () => {
    for (const p of ["/", "/login", "/timer", "/admin/telemetry", "/logout"]) {
      await expect(setupRedirectTarget(p)).resolves.toBe("/setup");
    }
    for (const p of [
      "/setup",
      "/api/health",
      "/api/ready",
      "/metrics",
      "/_next/static/chunks/a.js",
      "/api/auth/csrf",
      "/api/auth/callback/credentials",
    ]) {
      await expect(setupRedirectTarget(p)).resolves.toBeNull();
    }
    await expect(setupRedirectTarget("/setupx")).resolves.toBe("/setup");
    await completeSetup(form);
    for (const p of ["/", "/login", "/timer"]) await expect(setupRedirectTarget(p)).resolves.toBeNull();
  });
});

describe("completing setup", () => {
  it("creates the administrator, the organization settings and stores the (default off) choices", async () => {
    expect(await isSetupComplete()).toBe(false);
    const res = await completeSetup(form);
    expect(res).toMatchObject({ telemetryEnabled: false, productAnalyticsEnabled: false });
    const login = await checkLogin("boss@example.com", form.password);
    expect(login.ok && login.user.role).toBe("admin");
    expect(await getOrgSettings()).toMatchObject({
      name: "Acme",
      timezone: "Europe/Brussels",
      currency: "USD",
      weekStart: 1,
      roundingMinutes: 15,
      roundingMode: "up",
    });
    const inst = await getInstallation(sys);
    expect(inst.setupCompletedAt).toBeInstanceOf(Date);
    expect(inst.telemetryEnabled).toBe(false);
    expect(inst.telemetryChoiceAt).toBeInstanceOf(Date);
    expect(inst).not.toHaveProperty("salt");
    resetSetupCache();
    expect(await isSetupComplete()).toBe(true);
  });

  it("creates exactly one administrator when two submissions race", async () => {
    const results = await Promise.allSettled([
      completeSetup(form),
      completeSetup({ ...form, username: "boss2", email: "boss2@example.com" }),
      completeSetup({ ...form, username: "boss3", email: "boss3@example.com" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((r as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
    }
    expect(await prisma().user.count()).toBe(1);
  });

  it("refuses a second completion", async () => {
    await completeSetup(form);
    await expect(completeSetup({ ...form, username: "other", email: "o@example.com" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await prisma().user.count()).toBe(1);
  });

  it("validates every step again on the final submit and leaves nothing behind on failure", async () => {
    await expect(completeSetup({ ...form, password: "short" })).rejects.toThrow(/at least 10 characters/);
    await expect(completeSetup({ ...form, confirmPassword: "different-pass1" })).rejects.toThrow(/differ/);
    await expect(completeSetup({ ...form, timezone: "Mars/Base" })).rejects.toThrow(/time zone/);
    expect(await isSetupComplete()).toBe(false);
    expect(await prisma().user.count()).toBe(0);
  });

  it("stores the telemetry opt-in, and product analytics only when PostHog is configured", async () => {
    await completeSetup({ ...form, telemetry: "on", productAnalytics: "on" });
    const inst = await getInstallation(sys);
    expect(inst.telemetryEnabled).toBe(true);
    expect(inst.productAnalyticsEnabled).toBe(false);
    expect(await isProductAnalyticsAllowed()).toBe(false);
  });

  it("allows product analytics only with a key, consent, and no DO_NOT_TRACK", async () => {
    process.env.POSTHOG_API_KEY = "phc_test";
    resetEnvCache();
    await completeSetup({ ...form, productAnalytics: "on" });
    expect(await isProductAnalyticsAllowed()).toBe(true);
    process.env.DO_NOT_TRACK = "1";
    resetEnvCache();
    expect(await isProductAnalyticsAllowed()).toBe(false);
    delete process.env.DO_NOT_TRACK;
    resetEnvCache();
    await setProductAnalyticsChoice(sys, { enabled: false });
    expect(await isProductAnalyticsAllowed()).toBe(false);
  });
});

describe("the CLI path (user:create --admin)", () => {
  it("marks setup complete once, without turning telemetry on", async () => {
    await expect(markSetupComplete(sys)).resolves.toBe(true);
    await expect(markSetupComplete(sys)).resolves.toBe(false);
    const inst = await getInstallation(sys);
    expect(inst.setupCompletedAt).toBeInstanceOf(Date);
    expect(inst.telemetryEnabled).toBe(false);
    await expect(completeSetup(form)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("organization settings on a fresh database", () => {
  test("concurrent first reads all get the defaults, and one row exists", async () => {
    await prisma().organizationSettings.deleteMany();
    const reads = await Promise.all(Array.from({ length: 8 }, () => getOrgSettings()));
    expect(new Set(reads.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await prisma().organizationSettings.count()).toBe(1);
  });
});
