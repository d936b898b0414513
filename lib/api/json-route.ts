// apiRoute("/api/v1/...", scopes, handler): the wrapper for the REST API's route handlers. On top
// of withRoute (request id, log line, HTTP metric) it finds the caller — a personal access token
// (`Authorization: Bearer tt_pat_…`, with one of the route's scopes) or the browser session
// (refused when cross-site) — counts the token's rate limit (RateLimit-* headers), replays POSTs
// that repeat an Idempotency-Key, and maps failures to RFC 9457 problem details with the same
// messages the server actions give, never an internal detail.
import "server-only";
import { toActionError } from "@/lib/action";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { checkOrigin } from "@/lib/security/origin";
import { passApiGate, type IdempotentRequest } from "@/lib/services/api-gate";
import { authenticateApiToken } from "@/lib/services/api-tokens";
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
  type IdempotencyClaim,
} from "@/lib/services/idempotency";
import type { RateLimit } from "@/lib/services/rate-limits";
import type { ApiScope } from "@/lib/validation/api-tokens";
import { problem } from "./problem";

export { problem, STATUS } from "./problem";

const NO_STORE = { "cache-control": "no-store" };

export function json(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: NO_STORE });
}

export const NOT_JSON = "The request body is not valid JSON.";

/** Reads a JSON body. An empty or malformed body is a 400 (VALIDATION), never `{}`: a PATCH of
 * broken JSON must not answer 200 as if nothing was asked. `null` is JSON, left to the schema. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", NOT_JSON, { body: [NOT_JSON] });
  }
}

/** Who is calling: the user (re-read from the database on this request) and the token, if any. */
export interface ApiCaller {
  actor: SessionUser;
  tokenId: string | null;
}

const apiLimit = (): RateLimit => ({
  name: "api:token",
  points: env().API_RATE_LIMIT_PER_MINUTE,
  windowSeconds: 60,
  asyncCommit: true,
});
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

type Resolved = { ok: true; caller: ApiCaller } | { ok: false; res: Response };

function bearerError(status: 401 | 403, detail: string, error: string): Response {
  return problem(status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN", detail, {
    headers: { "www-authenticate": `Bearer realm="timetracker", error="${error}"` },
  });
}

async function resolveCaller(req: Request, scopes: readonly ApiScope[]): Promise<Resolved> {
  const authorization = req.headers.get("authorization");
  if (authorization === null) {
    // The browser session: a cookie is ambient, so cross-site state changes are refused.
    const verdict = checkOrigin(req, env().NEXTAUTH_URL);
    if (!verdict.ok) return { ok: false, res: problem("FORBIDDEN", "Cross-site requests are not allowed.") };
    return { ok: true, caller: { actor: await requireUser(), tokenId: null } };
  }
  const m = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!m)
    return { ok: false, res: bearerError(401, "Send the token as Authorization: Bearer tt_pat_….", "invalid_request") };
  const check = await authenticateApiToken(m[1]);
  if (!check.ok) {
    const detail = {
      malformed: "That is not a TimeTracker API token.",
      unknown: "The token is not valid.",
      revoked: "The token has been revoked.",
      expired: "The token has expired.",
      inactive: "The token's account is deactivated.",
    }[check.reason];
    return { ok: false, res: bearerError(401, detail, "invalid_token") };
  }
  if (!scopes.some((s) => check.scopes.includes(s))) {
    return {
      ok: false,
      res: bearerError(403, `The token needs the scope ${scopes.join(" or ")}.`, "insufficient_scope"),
    };
  }
  // The admin scope only works while the owner is an administrator (role re-read just now).
  if (scopes.includes("admin") && check.user.role !== "admin") {
    return { ok: false, res: problem("FORBIDDEN", "Only administrators can do that.") };
  }
  return { ok: true, caller: { actor: check.user, tokenId: check.tokenId } };
}

function toProblem(err: unknown, route: string, method: string): Response {
  const r = toActionError(err, `api ${method} ${route}`);
  if (r.ok) throw err;
  return problem(r.error.code, r.error.message, { fieldErrors: r.fieldErrors });
}

function setHeaders(res: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  } catch {
    const h = new Headers(res.headers);
    for (const [k, v] of Object.entries(headers)) h.set(k, v);
    return new Response(res.body, { status: res.status, headers: h });
  }
}

export function apiRoute<A extends unknown[]>(
  route: string,
  scopes: readonly ApiScope[],
  handler: (req: Request, caller: ApiCaller, ...rest: A) => Promise<Response>,
): (req: Request, ...rest: A) => Promise<Response> {
  return withRoute(route, async (req: Request, ...rest: A) => {
    let resolved: Resolved;
    try {
      resolved = await resolveCaller(req, scopes);
    } catch (err) {
      return toProblem(err, route, req.method);
    }
    if (!resolved.ok) return resolved.res;
    const { caller } = resolved;

    let idem: IdempotentRequest | Response | null;
    try {
      idem = await idempotentRequest(req, caller);
    } catch (err) {
      return toProblem(err, route, req.method);
    }
    let limitHeaders: Record<string, string> = {};
    let claim: IdempotencyClaim | null = null;
    if (caller.tokenId) {
      const limit = apiLimit();
      // The rate-limit hit and the Idempotency-Key claim: one round trip (lib/services/api-gate.ts).
      const gate = await passApiGate(limit, caller.tokenId, idem instanceof Response ? null : idem);
      const { hit } = gate;
      claim = gate.claim;
      const reset = Math.max(0, Math.ceil(((hit.resetAt?.getTime() ?? Date.now()) - Date.now()) / 1000));
      limitHeaders = {
        "ratelimit-limit": String(limit.points),
        "ratelimit-remaining": String(Math.max(0, limit.points - hit.used)),
        "ratelimit-reset": String(reset),
        "ratelimit-policy": `${limit.points};w=${limit.windowSeconds}`,
      };
      if (!hit.allowed) {
        return problem("RATE_LIMITED", "Too many requests with this token. Wait and try again.", {
          headers: { ...limitHeaders, "retry-after": String(reset) },
        });
      }
    }
    if (idem instanceof Response) return setHeaders(idem, limitHeaders);
    const runIt = () => run(req, caller, rest);
    return setHeaders(idem ? await runIdempotent(idem, claim, runIt) : await runIt(), limitHeaders);
  });

  async function run(req: Request, caller: ApiCaller, rest: A): Promise<Response> {
    try {
      return await handler(req, caller, ...rest);
    } catch (err) {
      return toProblem(err, route, req.method);
    }
  }
}

/** A POST's Idempotency-Key with its request hash; null without one (or not a POST); a 400 problem
 * when the key is malformed. */
async function idempotentRequest(req: Request, caller: ApiCaller): Promise<IdempotentRequest | Response | null> {
  const key = req.headers.get("idempotency-key");
  if (req.method !== "POST" || key === null) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    const msg = "An Idempotency-Key is 1 to 255 visible ASCII characters.";
    return problem("VALIDATION", msg, { fieldErrors: { "Idempotency-Key": [msg] } });
  }
  const body = await req.clone().text();
  return {
    owner: { userId: caller.actor.id, tokenId: caller.tokenId },
    key,
    hash: requestHash(req.method, new URL(req.url).pathname, body),
  };
}

/** A POST with an Idempotency-Key: the first answer is stored and replayed to retries. `claim`: the
 * key's claim when the gate already made it (token requests), else it is made here (sessions). */
async function runIdempotent(
  idem: IdempotentRequest,
  claimed: IdempotencyClaim | null,
  run: () => Promise<Response>,
): Promise<Response> {
  const { owner, key } = idem;
  const claim = claimed ?? (await claimIdempotencyKey(owner, key, idem.hash));
  if (claim.state === "replay") {
    return new Response(claim.body, {
      status: claim.status,
      headers: {
        "content-type": claim.status >= 400 ? "application/problem+json" : "application/json",
        "cache-control": "no-store",
        "idempotent-replayed": "true",
      },
    });
  }
  if (claim.state === "mismatch") {
    return problem("VALIDATION", "This Idempotency-Key was already used for a different request.", { status: 422 });
  }
  if (claim.state === "in_progress") {
    return problem("CONFLICT", "A request with this Idempotency-Key is still being processed. Retry shortly.");
  }
  let res: Response;
  try {
    res = await run();
  } catch (err) {
    await releaseIdempotencyKey(owner, key);
    throw err;
  }
  if (res.status >= 500) {
    await releaseIdempotencyKey(owner, key);
    return res;
  }
  const text = await res.clone().text();
  await completeIdempotencyKey(owner, key, res.status, text);
  return res;
}
