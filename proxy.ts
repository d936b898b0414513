// Runs before every matched request: gives it a request id (kept from X-Request-ID when sane) and a
// CSP nonce, sets the security headers, and sends visitors without a session cookie to /login.
// Only an optimistic redirect: every page, action and route still authenticates by itself.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { buildCsp, HSTS, newNonce, originOf, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";
import { isHttpsOrigin, publicOrigin } from "@/lib/security/public-origin";

// The installable app's files: read by the browser's installer and service worker without a session.
const PWA_PUBLIC_PATHS = ["/manifest.webmanifest", "/icons/", "/favicon.ico", "/sw.js"];
const PUBLIC_PREFIXES = [
  "/login",
  "/logout",
  "/api/",
  "/metrics",
  "/setup",
  "/docs/",
  // Sign-in help for people without a session (password reset, invitations, sign-up).
  "/forgot-password",
  "/reset-password",
  "/invite",
  "/signup",
  ...PWA_PUBLIC_PATHS,
];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function connectOrigins(): string[] {
  const e = env();
  const out: string[] = [];
  if (e.POSTHOG_API_KEY && !e.DO_NOT_TRACK) out.push(originOf(e.POSTHOG_HOST) ?? "");
  if (e.SENTRY_DSN) out.push(originOf(e.SENTRY_DSN) ?? "");
  return out.filter(Boolean);
}

export function proxy(req: NextRequest) {
  const incoming = req.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = newNonce();
  const csp = buildCsp({ nonce, dev: env().NODE_ENV === "development", connectOrigins: connectOrigins() });
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set("content-security-policy", csp);

  const { pathname, search } = req.nextUrl;
  // For the (app) layout's page-render log and metric; reduced to a section label there.
  headers.set("x-tt-pathname", pathname);
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p));
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  const origin = publicOrigin(req.headers, env().NEXTAUTH_URL, req.url);
  let res: NextResponse;
  if (!isPublic && !hasSession && req.method === "GET") {
    const url = new URL("/login", origin);
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    res = NextResponse.redirect(url);
  } else {
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set("x-request-id", requestId);
  res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  if (isHttpsOrigin(origin)) res.headers.set("strict-transport-security", HSTS);
  return res;
}

export const config = {
  // Everything but Next's hashed build output (JS, CSS, fonts: never HTML). Paths that look like
  // files (.png, .txt) are NOT skipped: a 404 there is an HTML page and needs the same headers.
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
