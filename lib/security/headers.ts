// Security headers for every response: a nonce-based Content-Security-Policy (PostHog and Sentry hosts
// are allowed only when configured), HSTS behind TLS (public-origin.ts decides), and the usual
// hardening headers.
import { z } from "zod";

export interface CspOptions {
  nonce: string;
  dev: boolean;
  /** Origins the browser may talk to besides ours (PostHog, Sentry), only when enabled. */
  connectOrigins: string[];
}

export function buildCsp({ nonce, dev, connectOrigins }: CspOptions): string {
  const connect = ["'self'", ...connectOrigins];
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd loader pull in its own chunks; eval only for dev's HMR.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Next set style attributes; no script can run from a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const HSTS = "max-age=31536000; includeSubDomains";

/** The origin of a URL-ish setting, or null when unset or malformed. */
export function originOf(value: string | undefined): string | null {
  if (!value) return null;
  const res = z.url().safeParse(value);
  if (!res.success) return null;
  return new URL(res.data).origin;
}

/** A fresh random nonce, base64. Web Crypto: works in the proxy and in Node. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
