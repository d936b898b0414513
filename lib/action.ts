// The one pipeline every server action goes through. An action is declared once with defineAction:
// its name, its access rule, its zod schema and what it revalidates. The pipeline resolves the actor
// (before it reads any input, so an anonymous caller gets UNAUTHENTICATED whatever it sends), runs its
// guard, turns
// FormData into an object, checks it against the schema, runs the service, maps errors to an
// ActionResult, logs and times the call, and revalidates. Services parse their input again: a REST
// route, a job and an action all get the same checks from the service.
import "server-only";
import { randomUUID } from "node:crypto";
import { ZodError, z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import { currentContext, runWithContext } from "@/lib/observability/request-context";
import { observeAction, reportActionError } from "@/lib/observability/action-hooks";
import { isBadValue } from "@/lib/services/prisma-errors";
import { NOT_A_FORM, formObject } from "@/lib/validation/form";

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

export type Access = "anonymous" | "user" | "admin";
type ActorOf<A extends Access> = A extends "anonymous" ? null : SessionUser;

/** A path to revalidate: "/clients", or ["/", "layout"] for everything under a layout. */
export type Revalidation = string | [path: string, type: "layout" | "page"];

export interface ActionSpec<A extends Access, F extends From, S extends z.ZodType, Out> {
  /** Dotted name for logs and metrics: "clients.create". */
  name: string;
  access: A;
  /** "form": called by a form (useActionState or <form action>) with a FormData, and nothing else.
   * "object": called from client code with a plain object (or nothing, for an action without input). */
  from: F;
  /** The action's input. A FormData is turned into an object first (repeated keys → arrays). */
  input: S;
  /** Checkbox fields: absent from a FormData means unchecked ("off"), as browsers send nothing. */
  checkboxes?: readonly string[];
  /** Runs after the actor is resolved and before the input is read: a rule that does not depend on the
   * input (the setup wizard's "only before setup is complete") answers every caller alike. */
  guard?: (actor: ActorOf<A>) => Promise<void>;
  /** Runs once the actor is known and the input matches the schema. */
  run: (actor: ActorOf<A>, input: z.input<S>) => Promise<Out>;
  revalidate?: readonly Revalidation[];
  /** After success: a page to go to (next/navigation's redirect). */
  redirect?: (out: Out) => string | undefined;
}

export type From = "form" | "object";
export type FormAction<Out> = (prev: unknown, form: FormData) => Promise<ActionResult<Out>>;
export type ObjectAction<In, Out> = (input: In) => Promise<ActionResult<Out>>;

/** For actions without input (stop the timer, toggle it). */
export const ZNoInput = z.object({});

export function defineAction<A extends Access, F extends From, S extends z.ZodType, Out>(
  spec: ActionSpec<A, F, S, Out>,
): F extends "form" ? FormAction<Out> : ObjectAction<z.input<S>, Out> {
  const action = async (...args: unknown[]): Promise<ActionResult<Out>> => {
    // useActionState calls (prev, formData); <form action> and client code pass one argument.
    const raw = spec.from === "form" && args.length >= 2 ? args[1] : args[0];
    const result = await runAction(spec.name, async () => {
      const actor = (await resolveActor(spec.access)) as ActorOf<A>;
      await spec.guard?.(actor);
      const input = readInput(spec, raw);
      const out = await spec.run(actor, input);
      if (spec.revalidate?.length) await revalidate(spec.revalidate);
      return out;
    });
    const target = result.ok ? spec.redirect?.(result.data) : undefined;
    if (target) {
      const { redirect } = await import("next/navigation");
      redirect(target);
    }
    return result;
  };
  return action as F extends "form" ? FormAction<Out> : ObjectAction<z.input<S>, Out>;
}

async function resolveActor(access: Access): Promise<SessionUser | null> {
  if (access === "anonymous") return null;
  // Loaded on first use: the session module pulls in next/navigation, which only loads inside Next
  // (scripts and test fixtures use runAction from plain Node).
  const { requireAdmin, requireUser } = await import("@/lib/auth/session");
  return access === "admin" ? requireAdmin() : requireUser();
}

function readInput<S extends z.ZodType>(
  spec: { from: From; input: S; checkboxes?: readonly string[] },
  raw: unknown,
): z.input<S> {
  let value: unknown;
  if (spec.from === "form") {
    if (!(raw instanceof FormData)) throw new AppError("VALIDATION", NOT_A_FORM);
    const obj: Record<string, unknown> = formObject(raw);
    // React adds its own "$ACTION_..." fields to progressively enhanced forms.
    for (const k of Object.keys(obj)) if (k.startsWith("$")) delete obj[k];
    for (const k of spec.checkboxes ?? []) if (!(k in obj)) obj[k] = "off";
    value = obj;
  } else {
    value = raw ?? {};
    const plain = typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
    if (!plain) throw new AppError("VALIDATION", "This request did not carry the expected values.");
  }
  const parsed = spec.input.safeParse(value);
  if (!parsed.success) throw parsed.error;
  // The value matches the schema, so it is a valid input of it; the service parses it itself (its
  // transforms, such as "12.50" → 1250 cents, must run once).
  return value as z.input<S>;
}

async function revalidate(paths: readonly Revalidation[]): Promise<void> {
  const { revalidatePath } = await import("next/cache");
  for (const p of paths) {
    if (typeof p === "string") revalidatePath(p);
    else revalidatePath(p[0], p[1]);
  }
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
