// The organization's two-factor policy (off / admins / everyone, with a grace period) and the
// admin's emergency reset of someone's second factor. Admin writes authorize inside (assertAdmin);
// twoFactorRequirement is the read the (app) layout makes for the signed-in user.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import {
  ZResetTwoFactor,
  ZTwoFactorPolicy,
  type TResetTwoFactor,
  type TTwoFactorPolicy,
} from "@/lib/validation/two-factor";
import { actorUserId, assertAdmin, type Actor, type Caller } from "./actor";
import { getOrgSettings } from "./settings";
import { hasSecondFactor, removeSecondFactor } from "./two-factor";

const DAY_MS = 24 * 3600_000;

export interface TwoFactorRequirement {
  /** The policy applies to this user and they have no second factor yet. */
  required: boolean;
  /** From this moment the user is sent to enrolment; null when not required. */
  deadline: Date | null;
  overdue: boolean;
}

const NONE: TwoFactorRequirement = { required: false, deadline: null, overdue: false };

/**
 * For the signed-in user's own pages: whether the policy asks them to enrol, and by when. The
 * grace period runs from when the policy was set, or from the account's creation if later. No
 * query when the policy does not cover the user (the settings row is read once per render anyway).
 */
export async function twoFactorRequirement(
  actor: Actor & { createdAt: Date },
  now = new Date(),
): Promise<TwoFactorRequirement> {
  const org = await getOrgSettings();
  const covered = org.twoFactorPolicy === "everyone" || (org.twoFactorPolicy === "admins" && actor.role === "admin");
  if (!covered) return NONE;
  if (await hasSecondFactor(actor.id)) return NONE;
  const since = Math.max(org.twoFactorPolicySince?.getTime() ?? 0, actor.createdAt.getTime());
  const deadline = new Date(since + org.twoFactorGraceDays * DAY_MS);
  return { required: true, deadline, overdue: deadline.getTime() <= now.getTime() };
}

export async function updateTwoFactorPolicy(actor: Caller, input: TTwoFactorPolicy): Promise<void> {
  assertAdmin(actor, "change the two-factor policy");
  const { policy, graceDays } = ZTwoFactorPolicy.parse(input);
  const current = await getOrgSettings();
  // The grace period restarts only when the policy covers more people than before.
  const widened = policy !== current.twoFactorPolicy && (current.twoFactorPolicy === "off" || policy === "everyone");
  await db().organizationSettings.update({
    where: { id: 1 },
    data: {
      twoFactorPolicy: policy,
      twoFactorGraceDays: graceDays,
      ...(widened ? { twoFactorPolicySince: new Date() } : {}),
    },
  });
  track("admin.two_factor_policy_updated", { policy, grace_days: graceDays }, { userId: actorUserId(actor) });
}

/** The emergency path: an admin (or `npm run user:reset-2fa`) removes someone's second factor. */
export async function resetUserTwoFactor(actor: Caller, input: TResetTwoFactor): Promise<{ reset: boolean }> {
  assertAdmin(actor, "reset two-factor sign-in");
  const { id } = ZResetTwoFactor.parse(input);
  const user = await db().user.findUnique({ where: { id }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "That account does not exist.");
  const reset = await removeSecondFactor(id);
  if (reset) track("auth.2fa_disabled", { by: actor.id ? "admin" : "cli" }, { userId: actorUserId(actor) });
  return { reset };
}

/** Whether an account has two-factor sign-in on (the admin's account page). */
export async function userHasTwoFactor(actor: Caller, input: TResetTwoFactor): Promise<boolean> {
  assertAdmin(actor, "see accounts");
  const { id } = ZResetTwoFactor.parse(input);
  return hasSecondFactor(id);
}
