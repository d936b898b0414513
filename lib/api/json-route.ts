// jsonRoute("/api/v1/...", handler): the wrapper for the JSON API's route handlers. On top of
// withRoute (request id, log line, HTTP metric) it refuses cross-site state-changing requests
// (lib/security/origin.ts) and maps failures to `{ error: { code, message }, fieldErrors? }` with
// the matching status: the same messages the server actions give, never an internal detail.
import "server-only";
import { toActionError } from "@/lib/action";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { withRoute } from "@/lib/observability/with-route";
import { checkOrigin } from "@/lib/security/origin";

export const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const NO_STORE = { "cache-control": "no-store" };

export function jsonError(code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json(
    { error: { code, message }, ...(fieldErrors ? { fieldErrors } : {}) },
    { status: STATUS[code], headers: NO_STORE },
  );
}

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

export function jsonRoute<A extends unknown[]>(
  route: string,
  handler: (req: Request, ...rest: A) => Promise<Response>,
): (req: Request, ...rest: A) => Promise<Response> {
  return withRoute(route, async (req: Request, ...rest: A) => {
    const verdict = checkOrigin(req, env().NEXTAUTH_URL);
    if (!verdict.ok) return jsonError("FORBIDDEN", "Cross-site requests are not allowed.");
    try {
      return await handler(req, ...rest);
    } catch (err) {
      const r = toActionError(err, `api ${req.method} ${route}`);
      if (r.ok) throw err;
      return jsonError(r.error.code, r.error.message, r.fieldErrors);
    }
  });
}
