// Client addresses and the public origin on a server with no NEXTAUTH_URL and one trusted proxy
// (TRUSTED_PROXIES=127.0.0.1). Requests are sent from real, different loopback addresses: 127.0.0.1
// plays the reverse proxy, 127.0.0.2… are clients that reach the server directly.
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/lib/deploy/http";
import { createUserCli, startServer, type RunningServer } from "./server";

const ADMIN = { username: "trust-admin", email: "trust-admin@example.com", password: "trust-pass-12345" };
let server: RunningServer;
let port: number;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-trust-"));
  createUserCli(dataDir, [
    "--username",
    ADMIN.username,
    "--email",
    ADMIN.email,
    "--password",
    ADMIN.password,
    "--admin",
  ]);
  port = await freePort();
  server = await startServer(port, {
    DATA_DIR: dataDir,
    NEXTAUTH_URL: "",
    TRUSTED_PROXIES: "127.0.0.1",
    LOGIN_MAX_ATTEMPTS: "3",
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: "5",
  });
});
test.afterAll(() => server?.stop());

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  cookies: string[];
  body: string;
}

/** One HTTP request from a chosen local address. */
function send(
  from: string,
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<Answer> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        localAddress: from,
        method,
        path: urlPath,
        headers: {
          ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            cookies: res.headers["set-cookie"] ?? [],
            body: text,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const pairs = (cookies: string[]) => cookies.map((c) => c.split(";")[0]).join("; ");

/** The next-auth credentials flow; returns the session cookie line (or null) and where next-auth sends us. */
async function signIn(from: string, login: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await send(from, "GET", "/api/auth/csrf", { headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await send(from, "POST", "/api/auth/callback/credentials", {
    headers: { ...headers, cookie: pairs(csrf.cookies) },
    form: { csrfToken, login, password, json: "true" },
  });
  const session = res.cookies.find((c) => /next-auth\.session-token=/.test(c)) ?? null;
  return { session, url: (JSON.parse(res.body) as { url: string }).url };
}

test("signing out without NEXTAUTH_URL stays on the host and port the user is on", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Username or email").fill(ADMIN.username);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`${server.url}/logout`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${server.url}/login?notice=signed-out`);
  await expect(page.getByText("You are signed out.")).toBeVisible();
});

test("behind the trusted proxy over TLS: HSTS and a Secure session cookie, and the session works", async () => {
  const tls = { "x-forwarded-proto": "https", "x-forwarded-host": `time.example.test` };
  const login = await send("127.0.0.1", "GET", "/login", { headers: tls });
  expect(login.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  const { session, url } = await signIn("127.0.0.1", ADMIN.username, ADMIN.password, tls);
  expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(new URL(url).origin).toBe("https://time.example.test");
  const dashboard = await send("127.0.0.1", "GET", "/", { headers: { ...tls, cookie: session!.split(";")[0] } });
  expect(dashboard.status).toBe(200);
});

test("the same forwarded headers from a client that is not the proxy are ignored", async () => {
  const forged = { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" };
  const login = await send("127.0.0.2", "GET", "/login", { headers: forged });
  expect(login.headers["strict-transport-security"]).toBeUndefined();
  const { session, url } = await signIn("127.0.0.2", ADMIN.username, ADMIN.password, forged);
  expect(session).toMatch(/^next-auth\.session-token=/);
  expect(new URL(url).origin).toBe(server.url);
});

test("failed logins with made-up names lock out that client only, never another one's right password", async () => {
  for (let i = 0; i < 5; i++) await signIn("127.0.0.3", `made-up-${i}`, "wrong-password-1");
  const locked = await signIn("127.0.0.3", ADMIN.username, ADMIN.password);
  expect(locked.url).toContain("error=RATE_LIMITED");
  expect(locked.session).toBeNull();
  const other = await signIn("127.0.0.4", ADMIN.username, ADMIN.password);
  expect(other.session).not.toBeNull();
});

test("X-Forwarded-For from a direct client does not give it fresh attempts", async () => {
  for (let i = 0; i < 5; i++) {
    await signIn("127.0.0.5", `sprayed-${i}`, "wrong-password-1", { "x-forwarded-for": `198.51.100.${i}` });
  }
  const r = await signIn("127.0.0.5", ADMIN.username, ADMIN.password, { "x-forwarded-for": "198.51.100.99" });
  expect(r.url).toContain("error=RATE_LIMITED");
});

test("behind the trusted proxy, each client it names has its own counter", async () => {
  for (let i = 0; i < 5; i++) {
    await signIn("127.0.0.1", `proxied-${i}`, "wrong-password-1", { "x-forwarded-for": "198.51.100.7" });
  }
  const same = await signIn("127.0.0.1", ADMIN.username, ADMIN.password, { "x-forwarded-for": "198.51.100.7" });
  expect(same.url).toContain("error=RATE_LIMITED");
  const other = await signIn("127.0.0.1", ADMIN.username, ADMIN.password, { "x-forwarded-for": "198.51.100.8" });
  expect(other.session).not.toBeNull();
});
