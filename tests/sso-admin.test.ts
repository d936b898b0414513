// "Test the connection" on the admin settings page, against a real OpenID provider (oidc-provider on
// a local port) and against servers that answer wrongly or not at all. Only admins may ask.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { systemActor } from "@/lib/services/actor";
import { getSsoStatus, testSsoConnection } from "@/lib/services/sso-admin";
import { createUser } from "@/lib/services/users";
import { setupTestDb } from "./helpers/db";
import { startTestOp, type TestOp } from "./helpers/oidc-op";

setupTestDb();
const sys = systemActor("test:sso-admin");
let op: TestOp;
let odd: http.Server;
let oddUrl: string;

function configure(issuer: string | undefined) {
  for (const [k, v] of Object.entries({
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: issuer && "timetracker",
    OIDC_CLIENT_SECRET: issuer && "the-client-secret-value",
  })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  op = await startTestOp();
  // /silent never answers; /other names another issuer; /nokeys has an empty key set.
  odd = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
    if (req.url?.startsWith("/silent")) return;
    res.setHeader("content-type", "application/json");
    if (req.url === "/other/.well-known/openid-configuration") {
      return res.end(
        JSON.stringify({
          issuer: "https://someone.else",
          authorization_endpoint: `${base}/a`,
          token_endpoint: `${base}/t`,
          jwks_uri: `${base}/jwks`,
        }),
      );
    }
    if (req.url === "/nokeys/.well-known/openid-configuration") {
      return res.end(
        JSON.stringify({
          issuer: `${base}/nokeys`,
          authorization_endpoint: `${base}/a`,
          token_endpoint: `${base}/t`,
          jwks_uri: `${base}/jwks`,
        }),
      );
    }
    if (req.url === "/jwks") return res.end(JSON.stringify({ keys: [] }));
    res.statusCode = 404;
    res.end("{}");
  });
  await new Promise<void>((r) => odd.listen(0, "127.0.0.1", r));
  oddUrl = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
});
afterAll(async () => {
  configure(undefined);
  odd.closeAllConnections();
  await new Promise((r) => odd.close(r));
  await op.stop();
});

it("finds the provider's endpoints and signing keys", async () => {
  configure(op.issuer);
  const res = await testSsoConnection(sys);
  expect(res).toMatchObject({
    ok: true,
    issuer: op.issuer,
    authorizationEndpoint: `${op.issuer}/auth`,
    tokenEndpoint: `${op.issuer}/token`,
    jwksUri: `${op.issuer}/jwks`,
    keys: 1,
  });
});

it("shows the configuration but never the client secret", async () => {
  configure(op.issuer);
  const status = await getSsoStatus(sys);
  expect(status).toMatchObject({ configured: true, issuer: op.issuer, clientId: "timetracker" });
  expect(JSON.stringify(status)).not.toContain("the-client-secret-value");
});

it.each([
  ["a wrong issuer path", () => `${op.issuer}/nope`, /answered HTTP 404/],
  ["a document naming another issuer", () => `${oddUrl}/other`, /names the issuer "https:\/\/someone\.else"/],
  ["an empty key set", () => `${oddUrl}/nokeys`, /holds no keys/],
  ["nothing listening", () => "http://127.0.0.1:9/", /could not be reached/],
  ["a provider that never answers", () => `${oddUrl}/silent`, /did not answer within 5 s/],
])(
  "explains %s",
  async (_what, issuer, problem) => {
    configure(issuer());
    const res = await testSsoConnection(sys);
    expect(res.ok).toBe(false);
    expect(res.problem).toMatch(problem);
  },
  15_000,
);

it("is for administrators only, and says when SSO is not configured", async () => {
  configure(op.issuer);
  const m = await createUser(sys, { username: "member", email: "member@example.org", password: "member-passw0rd" });
  await expect(testSsoConnection({ id: m.id, role: m.role })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(getSsoStatus({ id: m.id, role: m.role })).rejects.toMatchObject({ code: "FORBIDDEN" });
  configure(undefined);
  await expect(testSsoConnection(sys)).rejects.toThrow(AppError);
  await expect(testSsoConnection(sys)).rejects.toMatchObject({ code: "CONFLICT" });
  expect(await getSsoStatus(sys)).toMatchObject({ configured: false });
});
