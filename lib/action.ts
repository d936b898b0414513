// The one wrapper every server action goes through: turns known failures into an ActionResult,
// and unexpected ones into { code: "INTERNAL" } after logging them with the request id.
import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError, z } from "zod";
import { AppError, type ActionResult } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { currentContext, runWithContext } from "@/lib/observability/request-context";
import { observeAction, reportActionError } from "@/lib/observability/action-hooks";
import { isBadValue } from "@/lib/services/prisma-errors";

export function toActionError(err: unknown, action: string): ActionResult<never> {
  if (err instanceof AppError) {
    return { ok: false, error: { code: err.code, message: err.message }, fieldErrors: err.fieldErrors };
  }
  if (err instanceof ZodError) {
    const fieldErrors = z.flattenError(err).fieldErrors as Record<string, string[]>;
    const first = Object.values(fieldErrors).flat()[0] ?? err.issues[0]?.message ?? "Check the form.";
    return { ok: false, error: { code: "VALIDATION", message: first }, fieldErrors };
  }
  if (isBadValue(err)) {
    // A malformed id or a NUL byte reached the database: the request was bad, not the server.
    logger().warn({ event: "action.bad_value", action }, "database refused a value");
    return { ok: false, error: { code: "VALIDATION", message: "Some of the values sent are not valid." } };
  }
  logger().error({ event: "action.failed", action, err }, "server action failed");
  reportActionError(action, err);
  return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } };
}

/** Runs a server action body with a request id, timing, logging and error mapping. */
export async function runAction<T>(action: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  const ctx = currentContext() ?? { requestId: await requestIdFromHeaders() };
  return runWithContext({ ...ctx, route: action }, async () => {
    const started = performance.now();
    let result: ActionResult<T>;
    try {
      result = { ok: true, data: await fn() };
    } catch (err) {
      // next/navigation's redirect() and notFound() work by throwing: let them through.
      if (isNextControlFlow(err)) throw err;
      result = toActionError(err, action);
    }
    const seconds = (performance.now() - started) / 1000;
    const outcome = result.ok ? "ok" : result.error.code === "INTERNAL" ? "error" : "rejected";
    observeAction(action, outcome, seconds);
    logger().info(
      { event: "action", action, method: "POST", outcome, duration_ms: Math.round(seconds * 1000) },
      "server action",
    );
    return result;
  });
}

function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown })?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}

async function requestIdFromHeaders(): Promise<string> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get("x-request-id") ?? randomUUID();
  } catch {
    return randomUUID();
  }
}
