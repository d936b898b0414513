// Single sign-on: turns the verified claims of an OpenID Connect login into one of our accounts.
// No caller, like checkLogin: this is how an actor comes to exist (lib/auth/sso.ts calls it after
// next-auth has checked the id token's signature, issuer, audience, expiry and nonce).
// The rules (docs/setup-and-admin.md, "Single sign-on"):
// - an account already linked to this issuer + sub is that person, whatever the link mode;
// - else, in "email" mode, an account with the same email is linked, but only if the provider says
//   the email is verified (anyone can type any address into some providers' profiles);
// - else, with just-in-time creation on, a new account (in "email" mode only from a verified email);
// - a deactivated account is refused; with OIDC_ADMIN_GROUP set, the role follows that group.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/db/generated/enums";
import { track } from "@/lib/observability/track";
import { ZEmail } from "@/lib/validation/users";
import { getOrgSettings } from "./settings";
import { isUniqueViolation } from "./prisma-errors";
import { USER_DTO_SELECT, type UserDto } from "./users";

export interface SsoClaims {
  issuer: string;
  sub: string;
  email?: unknown;
  emailVerified?: unknown;
  preferredUsername?: unknown;
  name?: unknown;
  /** The groups claim as sent (an array of strings, or a single string). */
  groups?: unknown;
}

export interface SsoPolicy {
  /** OIDC_ADMIN_GROUP: members become admins; an admin outside it becomes the default role. */
  adminGroup?: string;
}

export type SsoRefusal =
  "SSO_EMAIL_UNVERIFIED" | "SSO_NO_ACCOUNT" | "SSO_EMAIL_TAKEN" | "SSO_LINKED_ELSEWHERE" | "INACTIVE";

export type SsoOutcome =
  { ok: true; user: UserDto; how: "linked" | "matched_email" | "created" } | { ok: false; code: SsoRefusal };

/** Stored in place of a password hash: verifyPassword never accepts it (not a scrypt record). */
const NO_PASSWORD = "!sso-only";

function groupsOf(claim: unknown): string[] {
  if (typeof claim === "string") return [claim];
  return Array.isArray(claim) ? claim.filter((g): g is string => typeof g === "string") : [];
}

function emailOf(claims: SsoClaims): string | null {
  const parsed = ZEmail.safeParse(claims.email);
  return parsed.success ? parsed.data : null;
}

/** Some providers send "true" as a string; anything else is not verified. */
function isVerified(claims: SsoClaims): boolean {
  return claims.emailVerified === true || claims.emailVerified === "true";
}

export async function resolveSsoLogin(claims: SsoClaims, policy: SsoPolicy = {}): Promise<SsoOutcome> {
  const outcome = await findOrCreate(claims, policy);
  if (!outcome.ok) {
    track("auth.login_failed", { reason: outcome.code === "INACTIVE" ? "inactive" : "sso_refused" });
    return outcome;
  }
  const user = await applyRoleAndStamp(outcome.user, claims, policy);
  track("auth.sso_login", { how: outcome.how, role: user.role }, { userId: user.id });
  return { ok: true, user, how: outcome.how };
}

async function findOrCreate(claims: SsoClaims, policy: SsoPolicy): Promise<SsoOutcome> {
  const linked = await db().user.findUnique({
    where: { ssoIssuer_ssoSubject: { ssoIssuer: claims.issuer, ssoSubject: claims.sub } },
    select: USER_DTO_SELECT,
  });
  if (linked) return linked.active ? { ok: true, user: linked, how: "linked" } : { ok: false, code: "INACTIVE" };

  const settings = await getOrgSettings();
  const email = emailOf(claims);
  if (settings.ssoLinkBy === "email" && email) {
    const match = await db().user.findUnique({
      where: { email },
      select: { ...USER_DTO_SELECT, ssoIssuer: true, ssoSubject: true },
    });
    if (match) {
      if (!isVerified(claims)) return { ok: false, code: "SSO_EMAIL_UNVERIFIED" };
      // Linked to another identity of this (or another) provider: never re-pointed silently.
      if (match.ssoSubject !== null) return { ok: false, code: "SSO_LINKED_ELSEWHERE" };
      if (!match.active) return { ok: false, code: "INACTIVE" };
      const { ssoIssuer: _i, ssoSubject: _s, ...user } = match;
      const updated = await db().user.updateMany({
        where: { id: user.id, ssoSubject: null },
        data: { ssoIssuer: claims.issuer, ssoSubject: claims.sub },
      });
      if (updated.count !== 1) return { ok: false, code: "SSO_LINKED_ELSEWHERE" };
      return { ok: true, user, how: "matched_email" };
    }
  }

  if (!settings.ssoJitEnabled) return { ok: false, code: "SSO_NO_ACCOUNT" };
  // In "email" mode an email is proof of identity, so a new account needs a verified one; in
  // "subject" mode the admin trusts the provider's subjects, and the email is only contact data
  // (still unique here: another account's address is refused below).
  if (!email || (settings.ssoLinkBy === "email" && !isVerified(claims))) {
    return { ok: false, code: "SSO_EMAIL_UNVERIFIED" };
  }
  const inAdminGroup = !!policy.adminGroup && groupsOf(claims.groups).includes(policy.adminGroup);
  const role: Role = inAdminGroup ? "admin" : settings.ssoDefaultRole;
  try {
    const user = await db().user.create({
      data: {
        username: await freeUsername(claims, email),
        email,
        fullName: typeof claims.name === "string" ? claims.name.trim().slice(0, 120) : "",
        role,
        passwordHash: NO_PASSWORD,
        ssoIssuer: claims.issuer,
        ssoSubject: claims.sub,
      },
      select: USER_DTO_SELECT,
    });
    return { ok: true, user, how: "created" };
  } catch (err) {
    // Same email as an existing account ("subject" mode never links by email), or a race.
    if (isUniqueViolation(err)) return { ok: false, code: "SSO_EMAIL_TAKEN" };
    throw err;
  }
}

/** preferred_username or the email's local part, cleaned to our username rules, made unique. */
async function freeUsername(claims: SsoClaims, email: string): Promise<string> {
  const wanted = typeof claims.preferredUsername === "string" ? claims.preferredUsername : email.split("@")[0];
  let base = wanted.replace(/[^a-zA-Z0-9._-]/g, "").slice(0, 32);
  if (base.length < 3) base = `user-${base}`.slice(0, 32);
  for (let i = 0; i < 5; i++) {
    const name = i === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const taken = await db().user.findUnique({ where: { username: name }, select: { id: true } });
    if (!taken) return name;
  }
  return `${base.slice(0, 24)}-${randomBytes(6).toString("hex")}`;
}

/**
 * With an admin group configured, the role follows it at every SSO login (a change ends the
 * account's other sessions, like an admin's role change). The last active admin keeps the role (a
 * misconfigured group must not leave the installation without an admin). Records the login time.
 */
async function applyRoleAndStamp(user: UserDto, claims: SsoClaims, policy: SsoPolicy): Promise<UserDto> {
  let role = user.role;
  if (policy.adminGroup) {
    const inGroup = groupsOf(claims.groups).includes(policy.adminGroup);
    role = inGroup ? "admin" : user.role === "admin" ? (await getOrgSettings()).ssoDefaultRole : user.role;
  }
  return db().$transaction(async (tx) => {
    if (role !== user.role && role !== "admin") {
      const admins = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM users WHERE role = 'admin' AND active = true FOR UPDATE`;
      if (!admins.some((a) => a.id !== user.id)) role = user.role;
    }
    const changed = role !== user.role;
    return tx.user.update({
      where: { id: user.id },
      data: { lastLoginAt: new Date(), ...(changed ? { role, sessionVersion: { increment: 1 } } : {}) },
      select: USER_DTO_SELECT,
    });
  });
}
