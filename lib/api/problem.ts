// RFC 9457 problem details for the REST API: `application/problem+json` with the status, a short
// title, the same message the forms show (`detail`), our error `code` and, for a bad field, the
// field errors both as RFC 9457-style `errors` ({ pointer, detail }) and by name (`fieldErrors`).
import "server-only";
import type { ErrorCode } from "@/lib/errors";
import { currentContext } from "@/lib/observability/request-context";

export const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export const PROBLEM_TYPE = "application/problem+json";

export interface ProblemOptions {
  fieldErrors?: Record<string, string[]>;
  status?: number;
  headers?: Record<string, string>;
}

export function problem(code: ErrorCode, detail: string, opts: ProblemOptions = {}): Response {
  const status = opts.status ?? STATUS[code];
  const fe = opts.fieldErrors && Object.keys(opts.fieldErrors).length ? opts.fieldErrors : undefined;
  const body = {
    type: `/docs/api#${code.toLowerCase().replace(/_/g, "-")}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    code,
    ...(fe
      ? {
          errors: Object.entries(fe).flatMap(([field, msgs]) =>
            msgs.map((m) => ({ pointer: `#/${field.replace(/~/g, "~0").replace(/\//g, "~1")}`, detail: m })),
          ),
          fieldErrors: fe,
        }
      : {}),
    ...(currentContext()?.requestId ? { requestId: currentContext()!.requestId } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": PROBLEM_TYPE, "cache-control": "no-store", ...opts.headers },
  });
}
