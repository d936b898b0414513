// The "password was right" ticket of a two-step sign-in: after the password of an account with a
// second factor checks out, the browser gets this (no session yet) and sends it back with the code.
// Signed with the auth secret, valid for TICKET_TTL_SECONDS, bound to the account's session version
// (a password change or deactivation voids it). It proves the password only: never a session.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "./secret";

export const TICKET_TTL_SECONDS = 5 * 60;

export interface TicketClaims {
  userId: string;
  sessionVersion: number;
}

function sign(payload: string): string {
  return createHmac("sha256", authSecret()).update(`2fa-ticket\0${payload}`).digest("base64url");
}

export function issueTicket(claims: TicketClaims, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + TICKET_TTL_SECONDS;
  const payload = Buffer.from(JSON.stringify({ u: claims.userId, v: claims.sessionVersion, exp })).toString(
    "base64url",
  );
  return `${payload}.${sign(payload)}`;
}

/** The claims of a genuine, unexpired ticket; null otherwise. */
export function readTicket(ticket: string, now = Date.now()): TicketClaims | null {
  const [payload, mac] = ticket.split(".");
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, v, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (typeof u !== "string" || typeof v !== "number" || typeof exp !== "number") return null;
    if (exp * 1000 <= now) return null;
    return { userId: u, sessionVersion: v };
  } catch {
    return null;
  }
}
