// Fixed-window counters in the database, shared by every app instance (PGlite or PostgreSQL):
// `points` hits per key per `windowSeconds`. One atomic upsert per hit. Used for login attempts;
// generic (key, points, window) so per-API-token limits can use it too.
import "server-only";
import { db } from "@/lib/db";

export interface RateLimit {
  /** Counter namespace, e.g. "login:account". Keys are stored as `${name}:${key}`. */
  name: string;
  points: number;
  windowSeconds: number;
  /** Count hits without waiting for the disk (PostgreSQL `synchronous_commit = off` for that one
   * statement): a database crash may forget the last fraction of a second of hits, which is harmless
   * for a per-token API limit and saves a WAL flush on every API request. Login limits stay durable. */
  asyncCommit?: boolean;
}

export interface RateLimitState {
  /** Hits counted in the current window (0 when none or expired). */
  used: number;
  limited: boolean;
  /** When the current window ends (null: no live window). */
  resetAt: Date | null;
}

const MAX_KEY = 200;
export const storeKey = (limit: RateLimit, key: string) => `${limit.name}:${key}`.slice(0, MAX_KEY);

export function state(
  limit: RateLimit,
  row: { points: number; windowEnds: Date } | undefined,
  now: Date,
): RateLimitState {
  if (!row || row.windowEnds.getTime() <= now.getTime()) return { used: 0, limited: false, resetAt: null };
  return { used: row.points, limited: row.points >= limit.points, resetAt: row.windowEnds };
}

/** Reads a key's counter without counting. */
export async function peekRateLimit(limit: RateLimit, key: string, now = new Date()): Promise<RateLimitState> {
  const row = await db().rateLimitBucket.findUnique({
    where: { key: storeKey(limit, key) },
    select: { points: true, windowEnds: true },
  });
  return state(limit, row ?? undefined, now);
}

/** Reads several counters in one statement (the login check reads the account's and the address's). */
export async function peekRateLimits(
  checks: { limit: RateLimit; key: string }[],
  now = new Date(),
): Promise<RateLimitState[]> {
  const keys = checks.map((c) => storeKey(c.limit, c.key));
  const rows = await db().rateLimitBucket.findMany({
    where: { key: { in: keys } },
    select: { key: true, points: true, windowEnds: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return checks.map((c, i) => state(c.limit, byKey.get(keys[i]), now));
}

/**
 * Counts one hit; `allowed` is false once the hits in this window exceed `points`. Atomic:
 * concurrent hits from several instances are all counted, so no more than `points` are ever
 * allowed per window; an expired window restarts at 1.
 */
export async function hitRateLimit(
  limit: RateLimit,
  key: string,
  now = new Date(),
): Promise<RateLimitState & { allowed: boolean }> {
  const ends = new Date(now.getTime() + limit.windowSeconds * 1000);
  const k = storeKey(limit, key);
  // Both forms are one statement; set_config(…, true) applies to its own (implicit) transaction only.
  const rows = limit.asyncCommit
    ? await db().$queryRaw<{ points: number; window_ends: Date }[]>`
    INSERT INTO rate_limit_buckets (key, points, window_ends)
    SELECT CAST(${k} AS text), 1, CAST(${ends} AS timestamptz)
      FROM (SELECT set_config('synchronous_commit', 'off', true)) AS relaxed
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN 1 ELSE rate_limit_buckets.points + 1 END,
      window_ends = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN EXCLUDED.window_ends
                         ELSE rate_limit_buckets.window_ends END
    RETURNING points, window_ends`
    : await db().$queryRaw<{ points: number; window_ends: Date }[]>`
    INSERT INTO rate_limit_buckets (key, points, window_ends)
    VALUES (${k}, 1, ${ends})
    ON CONFLICT (key) DO UPDATE SET
      points = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN 1 ELSE rate_limit_buckets.points + 1 END,
      window_ends = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN EXCLUDED.window_ends
                         ELSE rate_limit_buckets.window_ends END
    RETURNING points, window_ends`;
  const row = rows[0];
  const used = Number(row?.points ?? 1);
  return {
    ...state(limit, row && { points: used, windowEnds: new Date(row.window_ends) }, now),
    allowed: used <= limit.points,
  };
}

/** Takes back one hit (e.g. an attempt that turned out to be a successful login). */
export async function refundRateLimit(limit: RateLimit, key: string): Promise<void> {
  await db().rateLimitBucket.updateMany({
    where: { key: storeKey(limit, key), points: { gt: 0 } },
    data: { points: { decrement: 1 } },
  });
}

export async function resetRateLimit(limit: RateLimit, key: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key: storeKey(limit, key) } });
}

/** Deletes every counter whose namespace starts with `namePrefix` (tests; an admin's "unlock all"). */
export async function clearRateLimits(namePrefix: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key: { startsWith: namePrefix } } });
}

/** Deletes expired counters (any namespace). */
export async function pruneRateLimits(now = new Date()): Promise<number> {
  const res = await db().rateLimitBucket.deleteMany({ where: { windowEnds: { lte: now } } });
  return res.count;
}
