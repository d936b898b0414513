// The one answer to "what address is the user on?", used for next-auth's URLs, redirects, the
// session cookie's Secure flag and HSTS. In order: NEXTAUTH_URL; the X-Forwarded-Proto/-Host that
// a trusted proxy sent (untrusted ones never get this far: forwarded-guard.ts removes them at the
// socket); the request's own Host and scheme.
import { z } from "zod";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderSource, name: string): string | undefined {
  const v = h instanceof Headers ? (h.get(name) ?? undefined) : h[name];
  const s = Array.isArray(v) ? v[0] : v;
  // A chain of proxies may each add a value: the first is the client-facing one.
  return s?.split(",")[0]?.trim() || undefined;
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The public origin ("https://time.example.com"). `configured` is NEXTAUTH_URL; `requestUrl` the
 * URL the server saw (its scheme is used when no proxy speaks).
 */
export function publicOrigin(headers: HeaderSource, configured: string | undefined, requestUrl?: string): string {
  if (configured) {
    const res = z.url().safeParse(configured);
    if (res.success) return new URL(res.data).origin;
  }
  const fallback = requestUrl ? new URL(requestUrl) : undefined;
  const proto = header(headers, "x-forwarded-proto") ?? fallback?.protocol.replace(/:$/, "") ?? "http";
  const host = header(headers, "x-forwarded-host") ?? header(headers, "host") ?? fallback?.host;
  const scheme = proto === "https" ? "https" : "http";
  if (!host || !HOST.test(host)) return fallback?.origin ?? "http://localhost";
  return new URL(`${scheme}://${host}`).origin;
}

export function isHttpsOrigin(origin: string): boolean {
  return origin.startsWith("https:");
}

/**
 * Where to send the browser after sign-in: `raw` (a path, or a URL) resolved against our own
 * origin and accepted only when it stays there. "/\evil.example" and "/\t/evil.example" resolve to
 * another host (browsers read "\" as "/" and drop tabs), so a prefix check is not enough.
 */
export function sameOriginTarget(raw: unknown, origin: string): URL | null {
  if (typeof raw !== "string" || raw === "") return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  return url.origin === new URL(origin).origin ? url : null;
}

/** The same, as a path for a link or `location.assign`: "/" when the target is not ours. Leading
 * slashes are collapsed: "/.//evil.example" normalises to the path "//evil.example", which a browser
 * would read as another host. */
export function safeCallbackPath(raw: unknown, origin: string): string {
  const url = sameOriginTarget(raw, origin);
  return url ? `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}` : "/";
}
