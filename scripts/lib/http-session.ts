// Signs in to a running TimeTracker over HTTP, as a browser would (next-auth credentials flow),
// and returns the Cookie header to send with later requests. Used by the HTTP benchmarks and the
// load test, which drive the production server from outside.

/** Collects `name=value` pairs from a response's Set-Cookie headers into a jar. */
function absorbCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * Returns the Cookie header of a signed-in session for `login` (username or email).
 * Throws with the HTTP status when the credentials are refused.
 */
export async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  absorbCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, login, password, json: "true" }),
  });
  absorbCookies(jar, res);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in as ${login} failed: HTTP ${res.status}`);
  return `${session}=${jar.get(session)}`;
}
