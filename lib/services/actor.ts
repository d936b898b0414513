// Who is acting: every service that reads or changes data takes one and authorizes by it.
// A request's actor is always a signed-in user (requireUser/requireAdmin, through defineAction).
// Code that runs without a request (CLI scripts, start-up jobs, tests) uses systemActor(): an admin
// with no user id, so it can call admin services but never the per-user ones (their Actor has an id).
import "server-only";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

export type { Role };

/** A signed-in user. A session's UserDto is one. */
export interface Actor {
  id: string;
  role: Role;
}

/** A caller without a session: scripts/*, start-up, tests. Never built from a request. */
export interface SystemActor {
  id: null;
  role: "admin";
  /** Where it comes from, for logs: "cli:user-create", "startup:bench", "test:setup". */
  system: string;
}

/** What an admin service accepts: a signed-in user (refused unless admin) or a system actor. */
export type Caller = Actor | SystemActor;

/** The one way to act without a session. Grep for it: only scripts/, tests/ and start-up call it. */
export function systemActor(source: `${"cli" | "startup" | "test"}:${string}`): SystemActor {
  return Object.freeze({ id: null, role: "admin", system: source });
}

export function isAdmin(actor: Caller): boolean {
  return actor.role === "admin";
}

export function assertAdmin(actor: Caller, what: string): void {
  if (!isAdmin(actor)) throw new AppError("FORBIDDEN", `Only administrators can ${what}.`);
}

/** The user id to attribute an event to: none for a system actor. */
export function actorUserId(actor: Caller): string | undefined {
  return actor.id ?? undefined;
}

/** The user id whose data a request touches: yourself, or anyone when you are an admin. */
export function targetUserId(actor: Actor, requested?: string | null): string {
  if (!requested || requested === actor.id) return actor.id;
  if (!isAdmin(actor)) throw new AppError("FORBIDDEN", "You can only work with your own time entries.");
  return requested;
}
