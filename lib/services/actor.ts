// Who is acting: every service that reads or changes tracked data takes one and scopes by it.
import "server-only";
import { AppError } from "@/lib/errors";

export interface Actor {
  id: string;
  role: "admin" | "user";
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

export function assertAdmin(actor: Actor, what: string): void {
  if (!isAdmin(actor)) throw new AppError("FORBIDDEN", `Only administrators can ${what}.`);
}

/** The user id whose data a request touches: yourself, or anyone when you are an admin. */
export function targetUserId(actor: Actor, requested?: string | null): string {
  if (!requested || requested === actor.id) return actor.id;
  if (!isAdmin(actor)) throw new AppError("FORBIDDEN", "You can only work with your own time entries.");
  return requested;
}
