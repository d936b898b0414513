// The gate every token request passes before it runs: its per-token rate-limit hit and, for a POST
// with an Idempotency-Key, the key's claim, in ONE statement (two data-modifying CTEs) instead of
// two or three round trips. Same rules as hitRateLimit and claimIdempotencyKey, which stay the
// single-purpose forms: the key is only claimed when the hit is allowed (a refused request claims
// nothing), the claim takes over an expired record, and both commit without waiting for the disk
// (the request's own durable commit flushes them): for limits with asyncCommit, like the API's.
import "server-only";
import { db } from "@/lib/db";
import {
  existingClaim,
  IDEMPOTENCY_TTL_MS,
  ownerKey,
  sweepIdempotencyRecords,
  type IdempotencyClaim,
  type IdempotencyOwner,
} from "./idempotency";
import { hitRateLimit, state, storeKey, type RateLimit, type RateLimitState } from "./rate-limits";

export interface IdempotentRequest {
  owner: IdempotencyOwner;
  key: string;
  hash: string;
}

export interface GateResult {
  hit: RateLimitState & { allowed: boolean };
  /** The key's claim; null when there was no key or the hit was refused (nothing claimed). */
  claim: IdempotencyClaim | null;
}

interface GateRow {
  points: number;
  window_ends: Date;
  claimed: number;
  request_hash: string | null;
  status: number | null;
  body: string | null;
}

export async function passApiGate(
  limit: RateLimit,
  key: string,
  idem: IdempotentRequest | null,
  now = new Date(),
): Promise<GateResult> {
  if (!idem) return { hit: await hitRateLimit(limit, key, now), claim: null };
  const ends = new Date(now.getTime() + limit.windowSeconds * 1000);
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  await sweepIdempotencyRecords(cutoff);
  const k = storeKey(limit, key);
  const o = ownerKey(idem.owner);
  // The outer SELECT sees the records as they were before this statement: a key already held shows
  // its row; a claim that lost a race with a request not yet visible finds none ("in progress").
  const rows = await db().$queryRaw<GateRow[]>`
    WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)),
    hit AS (
      INSERT INTO rate_limit_buckets (key, points, window_ends)
      SELECT CAST(${k} AS text), 1, CAST(${ends} AS timestamptz) FROM relaxed
      ON CONFLICT (key) DO UPDATE SET
        points = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN 1 ELSE rate_limit_buckets.points + 1 END,
        window_ends = CASE WHEN rate_limit_buckets.window_ends <= ${now} THEN EXCLUDED.window_ends
                           ELSE rate_limit_buckets.window_ends END
      RETURNING points, window_ends
    ),
    claim AS (
      INSERT INTO idempotency_records (owner, key, request_hash, created_at)
      SELECT CAST(${o} AS text), CAST(${idem.key} AS text), CAST(${idem.hash} AS text), CAST(${now} AS timestamptz)
        FROM hit WHERE hit.points <= ${limit.points}
      ON CONFLICT (owner, key) DO UPDATE
        SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at, status = NULL, body = NULL
        WHERE idempotency_records.created_at < ${cutoff}
      RETURNING 1
    )
    SELECT hit.points, hit.window_ends, (SELECT count(*) FROM claim)::int AS claimed,
           r.request_hash, r.status, r.body
      FROM hit LEFT JOIN idempotency_records r ON r.owner = ${o} AND r.key = ${idem.key}`;
  const row = rows[0];
  const used = Number(row.points);
  const hit = {
    ...state(limit, { points: used, windowEnds: new Date(row.window_ends) }, now),
    allowed: used <= limit.points,
  };
  if (!hit.allowed) return { hit, claim: null };
  if (Number(row.claimed) === 1) return { hit, claim: { state: "new" } };
  const held =
    row.request_hash === null
      ? null
      : { requestHash: row.request_hash, status: row.status === null ? null : Number(row.status), body: row.body };
  return { hit, claim: existingClaim(held, idem.hash) };
}
