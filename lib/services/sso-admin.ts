// Single sign-on, as the admin settings page shows it: the configuration (never the client secret)
// and "Test the connection": the discovery document and the signing keys of the CONFIGURED issuer
// only (no URL comes from the request), each fetch with a timeout, no redirects, a size cap.
import "server-only";
import { discoveryUrl, ssoConfig } from "@/lib/auth/sso-config";
import { AppError } from "@/lib/errors";
import { assertAdmin, type Caller } from "./actor";

export interface SsoStatus {
  configured: boolean;
  issuer?: string;
  clientId?: string;
  scopes?: string;
  buttonLabel?: string;
  adminGroup?: string;
  groupsClaim?: string;
  emergencyPasswordLogin?: boolean;
  /** The path to register at the provider as the redirect URI (after the public origin). */
  callbackPath: string;
}

export const SSO_CALLBACK_PATH = "/api/auth/callback/oidc";

export async function getSsoStatus(actor: Caller): Promise<SsoStatus> {
  assertAdmin(actor, "see the single sign-on settings");
  const cfg = ssoConfig();
  if (!cfg) return { configured: false, callbackPath: SSO_CALLBACK_PATH };
  return {
    configured: true,
    issuer: cfg.issuer,
    clientId: cfg.clientId,
    scopes: cfg.scopes,
    buttonLabel: cfg.label,
    adminGroup: cfg.adminGroup,
    groupsClaim: cfg.groupsClaim,
    emergencyPasswordLogin: cfg.emergencyPasswordLogin,
    callbackPath: SSO_CALLBACK_PATH,
  };
}

export interface SsoConnectionResult {
  ok: boolean;
  /** What went wrong, in words an admin can act on (only when ok is false). */
  problem?: string;
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userinfoEndpoint?: string;
  jwksUri?: string;
  keys?: number;
  durationMs: number;
}

const TIMEOUT_MS = 5000;
const MAX_BYTES = 256 * 1024;

class Problem extends Error {}

async function fetchJson(url: string, what: string): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, {
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: "application/json" },
    });
  } catch (err) {
    const timedOut = (err as Error)?.name === "TimeoutError";
    throw new Problem(
      timedOut ? `The ${what} did not answer within ${TIMEOUT_MS / 1000} s.` : `The ${what} could not be reached.`,
    );
  }
  if (res.status >= 300 && res.status < 400) throw new Problem(`The ${what} answered with a redirect (${res.status}).`);
  if (!res.ok) throw new Problem(`The ${what} answered HTTP ${res.status}.`);
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new Problem(`The ${what} is larger than ${MAX_BYTES / 1024} KiB.`);
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === "object" && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new Problem(`The ${what} is not a JSON object.`);
}

const str = (v: unknown) => (typeof v === "string" ? v : undefined);

function httpUrl(v: unknown): string | undefined {
  try {
    const u = new URL(String(v));
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export async function testSsoConnection(actor: Caller): Promise<SsoConnectionResult> {
  assertAdmin(actor, "test the single sign-on connection");
  const cfg = ssoConfig();
  if (!cfg) throw new AppError("CONFLICT", "Single sign-on is not configured: set OIDC_ISSUER and its client first.");
  const started = Date.now();
  const out: Omit<SsoConnectionResult, "ok" | "durationMs"> = {};
  try {
    const doc = await fetchJson(discoveryUrl(cfg.issuer), "discovery document");
    out.issuer = str(doc.issuer);
    out.authorizationEndpoint = str(doc.authorization_endpoint);
    out.tokenEndpoint = str(doc.token_endpoint);
    out.userinfoEndpoint = str(doc.userinfo_endpoint);
    out.jwksUri = str(doc.jwks_uri);
    const bare = (v: string | undefined) => v?.replace(/\/+$/, "");
    if (bare(out.issuer) !== bare(cfg.issuer)) {
      throw new Problem(
        `The discovery document names the issuer "${out.issuer ?? ""}", not "${cfg.issuer}": set OIDC_ISSUER to exactly the provider's issuer (id tokens are checked against it).`,
      );
    }
    if (!out.authorizationEndpoint || !out.tokenEndpoint) {
      throw new Problem("The discovery document has no authorization or token endpoint.");
    }
    const jwks = httpUrl(out.jwksUri);
    if (!jwks) throw new Problem("The discovery document has no usable jwks_uri.");
    const set = await fetchJson(jwks, "key set (JWKS)");
    const keys = Array.isArray(set.keys) ? set.keys : [];
    out.keys = keys.length;
    if (keys.length === 0) throw new Problem("The key set (JWKS) holds no keys: id tokens could not be verified.");
    return { ok: true, ...out, durationMs: Date.now() - started };
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    return { ok: false, problem: err.message, ...out, durationMs: Date.now() - started };
  }
}
