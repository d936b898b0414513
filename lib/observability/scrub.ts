// Scrubbing shared by the server and browser Sentry/PostHog set-up: removes cookies, authorization
// and other secrets by key, and emails, IP addresses and query strings from every string value.
// Pure functions, no imports: safe in client bundles.

const SECRET_KEY =
  /cookie|authorization|password|passwd|secret|token|dsn|api[-_]?key|session|email|ip_address|x-forwarded-for|x-real-ip|username|full_?name/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi;
// A URL or absolute path followed by a query string: keep the path, drop the query.
const QUERY = /((?:[a-z][a-z0-9+.-]*:\/\/[^\s?#"']*)|(?:^|(?<=[\s"'(]))\/[^\s?#"']*)\?[^\s#"']*/gi;

export function scrubString(s: string): string {
  return s.replace(EMAIL, "[email]").replace(QUERY, "$1").replace(IPV4, "[ip]").replace(IPV6, "[ip]");
}

/** Deep copy of value with secret-named keys removed and every string scrubbed. */
export function scrubValue<T>(value: T, depth = 0): T {
  if (depth > 12) return value;
  if (typeof value === "string") return scrubString(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY.test(k) || k.startsWith("http.request.header.")) continue;
      out[k] = scrubValue(v, depth + 1);
    }
    return out as T;
  }
  return value;
}

/** The only request headers kept in Sentry events: enough to tell browsers and payloads apart. */
const KEPT_HEADERS = new Set(["user-agent", "content-type", "accept"]);

type EventLike = {
  user?: { id?: string | number } & Record<string, unknown>;
  request?: Record<string, unknown>;
  server_name?: string;
} & Record<string, unknown>;

/** Sentry beforeSend / beforeSendTransaction: only the internal user id survives of the user. */
export function scrubSentryEvent<E extends object>(event: E): E {
  const ev = event as unknown as EventLike;
  const userId = ev.user?.id;
  const copy = scrubValue({ ...ev, user: undefined, server_name: undefined }) as EventLike;
  if (copy.request) {
    const headers = copy.request.headers as Record<string, unknown> | undefined;
    if (headers)
      copy.request.headers = Object.fromEntries(
        Object.entries(headers).filter(([k]) => KEPT_HEADERS.has(k.toLowerCase())),
      );
    delete copy.request.cookies;
    delete copy.request.query_string;
    delete copy.request.data;
    delete copy.request.env;
  }
  if (userId !== undefined) copy.user = { id: userId };
  else delete copy.user;
  delete copy.server_name;
  return copy as unknown as E;
}

/** A Sentry DSN without its legacy secret part (`https://key:secret@host/1` → `https://key@host/1`):
 * current SDKs ignore the secret, and the browser, which gets the DSN, must never see it. */
export function publicDsn(dsn: string): string {
  try {
    const u = new URL(dsn);
    u.password = "";
    return u.toString();
  } catch {
    return dsn;
  }
}
