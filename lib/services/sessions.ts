// Sign-in sessions: one row per signed-in browser, named by the `sid` claim of its session token.
// Signing out revokes the row, so a copied cookie stops working at once, on every app instance.
// Shaped for a sessions page (list, revoke one, revoke all). No IP addresses (docs/privacy.md).
import "server-only";
import { db } from "@/lib/db";
import { USER_DTO_SELECT, rememberUser, type UserDto } from "./users";

export interface SessionDto {
  id: string;
  deviceLabel: string;
  createdAt: Date;
  lastSeenAt: Date;
}

/** lastSeenAt is refreshed at most this often: a view of the app costs no extra write. */
export const LAST_SEEN_PRECISION_MS = 5 * 60_000;

export async function createSession(userId: string, deviceLabel: string): Promise<string> {
  const row = await db().authSession.create({
    data: { userId, deviceLabel: deviceLabel.slice(0, 100) },
    select: { id: true },
  });
  return row.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user of a live session, in ONE statement (user row joined with its session row): the session
 * check must not add a query to every page. null when the user or the session is gone or revoked.
 */
export async function getSessionUser(
  userId: string,
  sessionId: string,
): Promise<{ user: UserDto; session: SessionDto } | null> {
  if (!UUID.test(userId) || !UUID.test(sessionId)) return null;
  const query = db().user.findUnique({
    where: { id: userId },
    select: {
      ...USER_DTO_SELECT,
      sessions: {
        where: { id: sessionId, revokedAt: null },
        select: { id: true, deviceLabel: true, createdAt: true, lastSeenAt: true },
      },
    },
  });
  rememberUser(
    userId,
    query.then((row) => (row ? stripSessions(row) : null)),
  );
  const row = await query;
  const session = row?.sessions[0];
  if (!row || !session) return null;
  return { user: stripSessions(row), session };
}

function stripSessions<T extends { sessions: unknown }>(row: T): Omit<T, "sessions"> {
  const { sessions, ...user } = row;
  return user;
}

/** Records that the session was used, when the last record is older than LAST_SEEN_PRECISION_MS. */
export async function touchSession(session: SessionDto, now = new Date()): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_PRECISION_MS) return;
  await db().authSession.updateMany({ where: { id: session.id, revokedAt: null }, data: { lastSeenAt: now } });
}

/** Ends one session (sign-out). Scoped to its user, so an id alone revokes nothing of anyone else's. */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  if (!UUID.test(userId) || !UUID.test(sessionId)) return false;
  const res = await db().authSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return res.count > 0;
}

/** Ends every session of the user ("sign out everywhere"); returns how many were live. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const res = await db().authSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return res.count;
}

/** The user's live sessions, most recently used first. */
export async function listSessions(userId: string): Promise<SessionDto[]> {
  return db().authSession.findMany({
    where: { userId, revokedAt: null },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, deviceLabel: true, createdAt: true, lastSeenAt: true },
  });
}

/** Drops rows no token can use any more: revoked, or unused for longer than a token lives. */
export async function pruneSessions(userId: string, maxAgeSeconds: number, now = new Date()): Promise<void> {
  const before = new Date(now.getTime() - maxAgeSeconds * 1000);
  await db().authSession.deleteMany({
    where: { userId, OR: [{ revokedAt: { lt: before } }, { lastSeenAt: { lt: before } }] },
  });
}
