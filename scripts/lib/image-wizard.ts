// The operator's first run, in a real browser: the setup wizard creates the administrator (so the
// image test has data to find again after a restart), then sign-in over HTTP proves it is there.
import { chromium } from "@playwright/test";
import { check, CookieJar } from "./deploy/http";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";

export interface Admin {
  username: string;
  email: string;
  password: string;
}

export async function completeSetupWizard(url: string, admin: Admin): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${url}/`);
    check(new URL(page.url()).pathname === "/setup", `GET / in the browser ended on ${page.url()}, not /setup`);
    await page.getByRole("button", { name: "Get started" }).click();
    await page.getByLabel("Username").fill(admin.username);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByLabel("Repeat password").fill(admin.password);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Organization name").fill("Image Smoke Test");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Finish setup" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  } finally {
    await browser.close();
  }
}

/** Signs in through next-auth's credentials callback; returns true when a session cookie was set. */
export async function signIn(url: string, admin: Admin): Promise<boolean> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  jar.store(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const login = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ login: admin.username, password: admin.password, csrfToken, json: "true" }),
  });
  jar.store(login);
  if (!jar.has("next-auth.session-token")) return false;
  const page = await fetch(`${url}/`, { headers: { cookie: jar.header() }, redirect: "manual" });
  return page.status === 200 && (await page.text()).includes("Dashboard");
}

/** Follows redirects by hand from `path`; returns the path the chain ends on. */
export async function landingPath(url: string, start: string): Promise<string> {
  let at = new URL(start, url);
  for (let hop = 0; hop < 5; hop++) {
    const res = await fetch(at, { redirect: "manual" });
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) {
      check(res.status === 200, `GET ${at.pathname} answered ${res.status}`);
      return at.pathname;
    }
    at = new URL(location, at);
  }
  throw new Error(`more than 5 redirects from ${start}`);
}
