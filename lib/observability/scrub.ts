// Scrubbing shared by the server and browser Sentry/PostHog set-up: removes cookies, authorization,
// host names and other secrets by key; emails, IP addresses, query strings and the scheme and host of
// URLs from every string value; and the message of any database error. Pure: safe in client bundles.
import { describeDbError, DB_ERROR_MESSAGE, isDbError } from "./db-error";

const SECRET_KEY =
  /cookie|authorization|password|passwd|secret|token|dsn|api[-_]?key|session|email|ip_address|x-forwarded-for|x-real-ip|username|full_?name/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b/gi;
// A URL or absolute path followed by a query string: keep the path, drop the query.
const QUERY = /((?:[a-z][a-z0-9+.-]*:\/\/[^\s?#"']*)|(?:^|(?<=[\s"'(]))\/[^\s?#"']*)\?[^\s#"']*/gi;
// The scheme and host of an http(s)/ws(s) URL: the installation's host name is not Sentry's or
// PostHog's business ("https://time.example.com/timer" → "/timer").
const ORIGIN = /\b(?:https?|wss?):\/\/[^\s/?#"'<>]+(\/?)/gi;
// Keys whose values name a host (the installation's, from Host / X-Forwarded-Host, or a peer's).
const HOST_KEY =
  /^(?:host|hostname|server_name|x-forwarded-host|forwarded|http\.host|net\.host\.name|net\.peer\.name|server\.address|url\.domain|client\.address)$/i;

export function scrubString(s: string): string {
  return s
    .replace(EMAIL, "[email]")
    .replace(QUERY, "$1")
    .replace(ORIGIN, "/")
    .replace(IPV4, "[ip]")
    .replace(IPV6, "[ip]");
}

/** Deep copy of value with secret-named keys removed and every string scrubbed. */
export function scrubValue<T>(value: T, depth = 0): T {
  if (depth > 12) return value;
  if (typeof value === "string") return scrubString(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY.test(k) || HOST_KEY.test(k) || k.startsWith("http.request.header.")) continue;
      out[k] = scrubValue(v, depth + 1);
    }
    return out as T;
  }
  return value;
}

/** The only request headers kept in Sentry events: enough to tell browsers and payloads apart. */
const KEPT_HEADERS = new Set(["user-agent", "content-type", "accept"]);

type ExceptionValue = { type?: string; value?: string } & Record<string, unknown>;
type EventLike = {
  user?: { id?: string | number } & Record<string, unknown>;
  request?: Record<string, unknown>;
  server_name?: string;
  exception?: { values?: ExceptionValue[] };
} & Record<string, unknown>;

const DB_TYPE = /^(?:PrismaClient\w*Error|DriverAdapterError|DatabaseError)$/;

/** A database error's text for Sentry: its code and statement, never its message (lib/observability/db-error.ts). */
function dbErrorValue(err: unknown): string {
  const d = describeDbError(err);
  const where = d?.model ? ` on ${d.model}.${d.operation ?? "?"}` : "";
  return `${d?.code ? `${d.code} ` : ""}${DB_ERROR_MESSAGE}${where}`;
}

/** Replaces the message of every database error among the event's exceptions (the error and its causes). */
function withoutDbMessages(ev: EventLike, original: unknown): void {
  const dbErrors: unknown[] = [];
  for (let e = original, i = 0; e && typeof e === "object" && i < 8; e = (e as { cause?: unknown }).cause, i++)
    if (isDbError(e)) dbErrors.push(e);
  for (const v of ev.exception?.values ?? []) {
    const known = dbErrors.find((e) => (e as { constructor?: { name?: string } }).constructor?.name === v.type);
    if (known || (v.type && DB_TYPE.test(v.type)) || isDbError({ message: v.value, name: v.type }))
      v.value = dbErrorValue(known ?? { name: v.type, message: v.value });
  }
}

/** Sentry beforeSend / beforeSendTransaction: only the internal user id survives of the user; the
 * request keeps its path (no host, no query); a database error keeps its code, never its message. */
export function scrubSentryEvent<E extends object>(event: E, hint?: { originalException?: unknown }): E {
  const ev = event as unknown as EventLike;
  const userId = ev.user?.id;
  const unscrubbed = { ...ev, user: undefined, server_name: undefined } as EventLike;
  if (ev.exception?.values) {
    // Before the generic pass: a database error's message must go whole, not only its emails.
    unscrubbed.exception = { ...ev.exception, values: ev.exception.values.map((v) => ({ ...v })) };
    withoutDbMessages(unscrubbed, hint?.originalException);
  }
  const copy = scrubValue(unscrubbed) as EventLike;
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
