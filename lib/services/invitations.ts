// Invitations and self-registration. An admin invites an address (a single-use link, valid
// INVITE_TTL_DAYS, mailed when email is set up and always shown to copy); the invitee chooses a
// username and password there. When the organization allows self-registration (optionally only for
// some email domains), people sign up themselves: with email set up, they get the same kind of link
// first (the address is proven); without, they fill in everything at once. Anonymous functions are
// rate-limited per client address with the login limit's numbers.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { addressKey, loginLimits } from "@/lib/auth/login-limits";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { deliverLater } from "@/lib/mail/later";
import { linkMailReady, mailLinkOrigin, sendMail } from "@/lib/mail/send";
import { invitationMail } from "@/lib/mail/templates";
import { track } from "@/lib/observability/track";
import {
  ZAcceptInvitation,
  ZCreateInvitation,
  ZInvitationRef,
  ZRequestSignup,
  ZSignUp,
  ZSignupDomainsUpdate,
  ZToken,
  type TAcceptInvitation,
  type TCreateInvitation,
  type TInvitationRef,
  type TRequestSignup,
  type TSignUp,
  type TSignupDomainsUpdate,
} from "@/lib/validation/auth";
import { actorUserId, assertAdmin, type Caller, type Role } from "./actor";
import { isUniqueViolation } from "./prisma-errors";
import { hitRateLimit } from "./rate-limits";
import { getOrgSettings, updateOrgSettings } from "./settings";

export const INVITE_TTL_DAYS = 7;
const TAKEN = "That username is already taken.";
const INVALID = "This invitation is invalid, was already used or has expired. Ask for a new one.";

export interface InvitationDto {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
}

export const invitePath = (token: string) => `/invite?token=${token}`;

async function issue(email: string, role: Role, invitedById: string | null): Promise<string> {
  const { token, hash } = newToken();
  // One open link per address: a new invitation replaces the older ones.
  await db().invitation.updateMany({
    where: { email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await db().invitation.create({
    data: {
      email,
      role,
      tokenHash: hash,
      invitedById,
      expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000),
    },
  });
  return token;
}

async function mailInvitation(email: string, role: Role, token: string): Promise<void> {
  const org = (await getOrgSettings()).name;
  const url = `${mailLinkOrigin()}${invitePath(token)}`;
  await sendMail("invitation", email, invitationMail({ org, url, days: INVITE_TTL_DAYS, role }));
}

/**
 * Admin: invites an address. Returns the link's path (to copy) and whether it was mailed; when
 * email is set up but sending failed, `mailError` says why and the link still works.
 */
export async function createInvitation(
  actor: Caller,
  input: TCreateInvitation,
): Promise<{ path: string; emailed: boolean; mailError?: string }> {
  assertAdmin(actor, "invite people");
  const { email, role } = ZCreateInvitation.parse(input);
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "An account with this email already exists.", {
      email: ["An account with this email already exists."],
    });
  }
  const token = await issue(email, role, actorUserId(actor) ?? null);
  let emailed = false;
  let mailError: string | undefined;
  if (linkMailReady()) {
    try {
      await mailInvitation(email, role, token);
      emailed = true;
    } catch (err) {
      mailError = err instanceof AppError ? err.message : "The email was not sent.";
    }
  }
  track("admin.user_invited", { role, emailed }, { userId: actorUserId(actor) });
  return { path: invitePath(token), emailed, mailError };
}

export async function listInvitations(actor: Caller): Promise<InvitationDto[]> {
  assertAdmin(actor, "see invitations");
  return db().invitation.findMany({
    where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() }, invitedById: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation(actor: Caller, input: TInvitationRef): Promise<void> {
  assertAdmin(actor, "revoke invitations");
  const { id } = ZInvitationRef.parse(input);
  const res = await db().invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count === 0) throw new AppError("NOT_FOUND", "That invitation is gone or was already used.");
  track("admin.invitation_revoked", {}, { userId: actorUserId(actor) });
}

/** Admin: which email domains may sign up themselves ("" = any). */
export async function setSignupDomains(actor: Caller, input: TSignupDomainsUpdate): Promise<void> {
  assertAdmin(actor, "change who may sign up");
  const { signupDomains } = ZSignupDomainsUpdate.parse(input);
  await updateOrgSettings(actor, { signupDomains });
}

/** Anonymous: what an invitation link offers (for its page), or null when it cannot be used. */
export async function getInvitationForToken(token: string): Promise<{ email: string; role: Role } | null> {
  const parsed = ZToken.safeParse(token);
  if (!parsed.success) return null;
  const row = await db().invitation.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) return null;
  return { email: row.email, role: row.role };
}

async function limitAddress(clientAddress: string): Promise<void> {
  const limit = { ...loginLimits().address, name: "signup:address" };
  if (!(await hitRateLimit(limit, addressKey(clientAddress))).allowed) {
    throw new AppError("RATE_LIMITED", "Too many attempts. Wait a few minutes and try again.");
  }
}

async function createAccount(
  tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0],
  data: { email: string; role: Role; username: string; fullName: string; passwordHash: string },
): Promise<string> {
  const user = await tx.user.create({ data, select: { id: true } });
  return user.id;
}

/** Anonymous: uses an invitation link to create the account. The link is spent only on success. */
export async function acceptInvitation(input: TAcceptInvitation, clientAddress: string): Promise<{ userId: string }> {
  const data = ZAcceptInvitation.parse(input);
  await limitAddress(clientAddress);
  const passwordHash = await hashPassword(data.newPassword);
  const now = new Date();
  try {
    const res = await db().$transaction(async (tx) => {
      const row = await tx.invitation.findUnique({
        where: { tokenHash: hashToken(data.token) },
        select: { id: true, email: true, role: true, invitedById: true },
      });
      if (!row) return null;
      const used = await tx.invitation.updateMany({
        where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (used.count !== 1) return null;
      const userId = await createAccount(tx, {
        email: row.email,
        role: row.role,
        username: data.username,
        fullName: data.fullName,
        passwordHash,
      });
      return { userId, role: row.role, invited: row.invitedById !== null };
    });
    if (!res) throw new AppError("VALIDATION", INVALID, { token: [INVALID] });
    if (res.invited) track("auth.invitation_accepted", { role: res.role }, { userId: res.userId });
    else track("auth.signed_up", { role: res.role }, { userId: res.userId });
    return { userId: res.userId };
  } catch (err) {
    if (isUniqueViolation(err)) throw usernameOrEmailTaken();
    throw err;
  }
}

function usernameOrEmailTaken(): AppError {
  // The email's owner exists only when someone registered it since the link was made.
  return new AppError("CONFLICT", TAKEN, { username: [TAKEN] });
}

async function assertSignupAllowed(email: string): Promise<void> {
  const s = await getOrgSettings();
  if (!s.selfRegistration) throw new AppError("FORBIDDEN", "Sign-up is closed. Ask an administrator to invite you.");
  const domains = s.signupDomains ? s.signupDomains.split(",") : [];
  const domain = email.split("@").pop() ?? "";
  if (domains.length && !domains.includes(domain)) {
    const msg = `Sign-up is open to addresses at ${domains.join(", ")} only.`;
    throw new AppError("VALIDATION", msg, { email: [msg] });
  }
}

/**
 * Anonymous, with email set up: mails a sign-up link to the address. The same answer whether or
 * not an account already has it (its owner gets nothing; they can reset their password).
 */
export async function requestSignup(input: TRequestSignup, clientAddress: string): Promise<{ sent: true }> {
  const { email } = ZRequestSignup.parse(input);
  await assertSignupAllowed(email);
  if (!linkMailReady()) throw new AppError("CONFLICT", "This server cannot send email: fill in the full form.");
  await limitAddress(clientAddress);
  deliverLater("signup", async () => {
    if (await db().user.findUnique({ where: { email }, select: { id: true } })) return;
    const token = await issue(email, "user", null);
    await mailInvitation(email, "user", token);
  });
  return { sent: true };
}

/** Anonymous, without email: creates the account at once (the address is not verified). */
export async function signUp(input: TSignUp, clientAddress: string): Promise<{ userId: string }> {
  const data = ZSignUp.parse(input);
  await assertSignupAllowed(data.email);
  if (linkMailReady()) throw new AppError("CONFLICT", "Confirm your address first: ask for a sign-up link.");
  await limitAddress(clientAddress);
  const passwordHash = await hashPassword(data.newPassword);
  try {
    const userId = await db().$transaction((tx) =>
      createAccount(tx, {
        email: data.email,
        role: "user",
        username: data.username,
        fullName: data.fullName,
        passwordHash,
      }),
    );
    track("auth.signed_up", { role: "user" }, { userId });
    return { userId };
  } catch (err) {
    if (isUniqueViolation(err)) {
      const msg = "That username or email is already taken.";
      throw new AppError("CONFLICT", msg, { username: [msg] });
    }
    throw err;
  }
}
