// The signed-in user's own sessions (the profile's sessions page): where they are signed in, and
// ending one or all the others. Scoped to the caller: another user's session id ends nothing.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZSessionRef, type TSessionRef } from "@/lib/validation/auth";
import type { Actor } from "./actor";
import { listSessions, revokeSession, type SessionDto } from "./sessions";

export function listMySessions(actor: Actor): Promise<SessionDto[]> {
  return listSessions(actor.id);
}

export async function endMySession(actor: Actor, input: TSessionRef): Promise<void> {
  const { id } = ZSessionRef.parse(input);
  if (!(await revokeSession(actor.id, id))) throw new AppError("NOT_FOUND", "That session has already ended.");
  track("auth.session_revoked", { scope: "one" }, { userId: actor.id });
}

/** Ends every session of the caller except `keepId` (the browser asking); returns how many ended. */
export async function endOtherSessions(actor: Actor, keepId: string | null): Promise<{ ended: number }> {
  const res = await db().authSession.updateMany({
    where: { userId: actor.id, revokedAt: null, ...(keepId ? { id: { not: keepId } } : {}) },
    data: { revokedAt: new Date() },
  });
  track("auth.session_revoked", { scope: "others" }, { userId: actor.id });
  return { ended: res.count };
}
