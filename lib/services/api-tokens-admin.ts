// Administrators' view of every personal access token: list them with their owners, revoke any.
import "server-only";
import { db } from "@/lib/db";
import { ZRevokeApiToken, type TRevokeApiToken } from "@/lib/validation/api-tokens";
import { actorUserId, assertAdmin, type Caller } from "./actor";
import { revokeWhere, TOKEN_DTO_SELECT, type ApiTokenDto } from "./api-tokens";

export type AdminApiTokenDto = ApiTokenDto & { user: { id: string; username: string } };

/** Every token (newest first), with its owner's id and username. Never the hash. */
export async function listAllApiTokens(actor: Caller): Promise<AdminApiTokenDto[]> {
  assertAdmin(actor, "see everyone's API tokens");
  return db().apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...TOKEN_DTO_SELECT, user: { select: { id: true, username: true } } },
    take: 500,
  });
}

/** Revokes anyone's token (it stops working at once, on every instance). */
export async function revokeAnyApiToken(actor: Caller, input: TRevokeApiToken, now = new Date()): Promise<void> {
  assertAdmin(actor, "revoke other people's API tokens");
  const { id } = ZRevokeApiToken.parse(input);
  await revokeWhere({ id }, actorUserId(actor), now);
}
