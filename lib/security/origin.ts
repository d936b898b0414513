// Cross-site request check for route handlers that change state. Server actions already get
// Next's own Origin-vs-Host check; route handlers do not, so POST/PUT/PATCH/DELETE handlers call
// this. A browser always sends Origin (or Sec-Fetch-Site) on such requests; a request with
// neither comes from a non-browser client (curl, scripts), which a CSRF attack cannot use.

/** The hosts this app answers as: the Host/X-Forwarded-Host header and NEXTAUTH_URL's host. */
function ownHosts(req: Request, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const fwd = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = req.headers.get("host")?.trim();
  if (fwd) hosts.add(fwd.toLowerCase());
  if (host) hosts.add(host.toLowerCase());
  if (publicUrl) {
    try {
      hosts.add(new URL(publicUrl).host.toLowerCase());
    } catch {
      // lib/env.ts has already validated it; ignore a value it let through.
    }
  }
  return hosts;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: "cross-site" | "bad-origin" };

/** Decides whether a state-changing request may proceed. Safe methods always may. */
export function checkOrigin(req: Request, publicUrl?: string): OriginVerdict {
  const method = req.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return { ok: true };
  const origin = req.headers.get("origin");
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host.toLowerCase();
    } catch {
      return { ok: false, reason: "bad-origin" }; // includes the literal "null" sent by sandboxed frames
    }
    return ownHosts(req, publicUrl).has(host) ? { ok: true } : { ok: false, reason: "cross-site" };
  }
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return { ok: false, reason: "cross-site" };
  return { ok: true };
}
