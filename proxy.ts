// Runs before every matched request: gives it a request id (kept from X-Request-ID when sane),
// and sends visitors without a session cookie to /login. Only an optimistic redirect: every page,
// action and route still authenticates by itself.
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC_PREFIXES = ["/login", "/logout", "/api/", "/metrics", "/setup"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function proxy(req: NextRequest) {
  const incoming = req.headers.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);

  const { pathname, search } = req.nextUrl;
  // For the (app) layout's page-render log and metric; reduced to a section label there.
  headers.set("x-tt-pathname", pathname);
  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, "") || pathname.startsWith(p));
  const hasSession = SESSION_COOKIES.some((c) => req.cookies.has(c));
  if (!isPublic && !hasSession && req.method === "GET") {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    const res = NextResponse.redirect(url);
    res.headers.set("x-request-id", requestId);
    return res;
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  return res;
}

export const config = {
  // Everything but Next's static files and public assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:png|svg|ico|jpg|webp|txt|webmanifest)$).*)"],
};
