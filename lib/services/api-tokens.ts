// Personal access tokens: a user's own tokens for the REST API (create, list, revoke) and the
// bearer check every /api/v1 request makes. The secret is 256 random bits behind the recognisable
// prefix `tt_pat_` (secret scanners can find leaked ones); only its SHA-256 is stored, so it is
// shown once. The owner's account is re-read on every request: a token never grants more than
// its owner has now (role, active), whatever it was created with.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import {
  ZCreateApiToken,
  ZRevokeApiToken,
  type ApiScope,
  type TCreateApiToken,
  type TRevokeApiToken,
} from "@/lib/validation/api-tokens";
import { isAdmin, type Actor } from "./actor";
import { USER_DTO_SELECT, type UserDto } from "./users";

export const TOKEN_PREFIX = "tt_pat_";
/** tt_pat_ + 43 base64url characters (32 bytes). */
const TOKEN_SHAPE = /^tt_pat_[A-Za-z0-9_-]{43}$/;
const MAX_ACTIVE_TOKENS = 50;
/** lastUsedAt is refreshed at most this often: a busy script costs no write per request. */
export const LAST_USED_PRECISION_MS = 60_000;

export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export const TOKEN_DTO_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export const hashToken = (raw: string) => createHash("sha256").update(raw, "utf8").digest("hex");

export async function createApiToken(
  actor: Actor,
  input: TCreateApiToken,
  now = new Date(),
): Promise<{ token: ApiTokenDto; secret: string }> {
  const data = ZCreateApiToken.parse(input);
  const scopes = [...new Set(data.scopes)];
  if (scopes.includes("admin") && !isAdmin(actor)) {
    const msg = "Only administrators can create tokens with the admin scope.";
    throw new AppError("FORBIDDEN", msg, { scopes: [msg] });
  }
  const active = await db().apiToken.count({
    where: { userId: actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (active >= MAX_ACTIVE_TOKENS) {
    throw new AppError("CONFLICT", `You have ${MAX_ACTIVE_TOKENS} active tokens. Revoke one first.`);
  }
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = data.expiresIn === "never" ? null : new Date(now.getTime() + Number(data.expiresIn) * 86_400_000);
  const token = await db().apiToken.create({
    data: {
      userId: actor.id,
      name: data.name,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 4),
      scopes,
      expiresAt,
    },
    select: TOKEN_DTO_SELECT,
  });
  track(
    "api_token.created",
    { api_token_id: token.id, num_scopes: scopes.length, expires: expiresAt !== null },
    { userId: actor.id },
  );
  return { token, secret };
}

/** The caller's own tokens, newest first (revoked ones too, so the page can show what happened). */
export async function listApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  return db().apiToken.findMany({
    where: { userId: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: TOKEN_DTO_SELECT,
    take: 200,
  });
}

/** Revokes one of the caller's own tokens. Someone else's looks like a missing one (admins revoke
 * others' tokens with revokeAnyApiToken). Revoking twice is harmless. */
export async function revokeApiToken(actor: Actor, input: TRevokeApiToken, now = new Date()): Promise<void> {
  const { id } = ZRevokeApiToken.parse(input);
  await revokeWhere({ id, userId: actor.id }, actor.id, now);
}

/** Shared with the admin service: `where` decides whose tokens the caller may reach. */
export async function revokeWhere(where: { id: string; userId?: string }, by: string | undefined, now: Date) {
  const row = await db().apiToken.findFirst({ where, select: { id: true, revokedAt: true } });
  if (!row) throw new AppError("NOT_FOUND", "That token does not exist.");
  if (row.revokedAt) return;
  await db().apiToken.update({ where: { id: row.id }, data: { revokedAt: now } });
  track("api_token.revoked", { api_token_id: row.id }, { userId: by });
}

export type TokenCheck =
  | { ok: true; user: UserDto; tokenId: string; scopes: ApiScope[] }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "inactive" };

/**
 * The bearer check (no actor: it is how a token's actor comes to exist). One statement reads the
 * token with its owner; lastUsedAt is written at most once a minute.
 */
export async function authenticateApiToken(raw: string, now = new Date()): Promise<TokenCheck> {
  if (!TOKEN_SHAPE.test(raw)) return { ok: false, reason: "malformed" };
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(raw) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: USER_DTO_SELECT },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  if (!row.user.active) return { ok: false, reason: "inactive" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await db().apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, user: row.user, tokenId: row.id, scopes: row.scopes as ApiScope[] };
}
