// Organization settings: one row, read with defaults, changed only by admins (updateOrgSettings
// authorizes). The reads take no caller: every signed-in page and the time-tracking services need
// the time zone, week start and rounding, and nothing in the row is private.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { track } from "@/lib/observability/track";
import {
  ZOrgSettings,
  ZOrgSettingsUpdate,
  type TOrgSettings,
  type TOrgSettingsUpdate,
} from "@/lib/validation/settings";
import { actorUserId, assertAdmin, isAdmin, type Caller } from "./actor";

export type OrgSettingsDto = TOrgSettings & {
  updatedAt: Date;
  twoFactorPolicy: "off" | "admins" | "everyone";
  twoFactorGraceDays: number;
  twoFactorPolicySince: Date | null;
};

const select = {
  name: true,
  timezone: true,
  currency: true,
  weekStart: true,
  roundingMinutes: true,
  roundingMode: true,
  idleTimeoutMinutes: true,
  csvDelimiter: true,
  selfRegistration: true,
  signupDomains: true,
  membersSeeMoney: true,
  ssoLinkBy: true,
  ssoJitEnabled: true,
  ssoDefaultRole: true,
  ssoOnly: true,
  // Read with the rest (no extra query per page): the (app) layout applies the two-factor policy.
  twoFactorPolicy: true,
  twoFactorGraceDays: true,
  twoFactorPolicySince: true,
  updatedAt: true,
} as const;

// A plain read on every request; the row is created with its defaults on first use. (An upsert with an
// empty update is a read-then-insert in Prisma: concurrent first requests failed on the primary key,
// found by the HTTP benchmark's 50 simultaneous dashboards on a fresh database.)
/** Memoized within one server render (React cache); a server action reads it afresh. */
export const getOrgSettings = cache(async function getOrgSettings(): Promise<OrgSettingsDto> {
  const found = await db().organizationSettings.findUnique({ where: { id: 1 }, select });
  if (found) return found as OrgSettingsDto;
  // First read on a fresh database: create the defaults with ON CONFLICT DO NOTHING, so two
  // requests racing here both succeed (an upsert is a read then an insert, and one of them failed).
  await db().organizationSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
  return (await db().organizationSettings.findUniqueOrThrow({ where: { id: 1 }, select })) as OrgSettingsDto;
});

export async function updateOrgSettings(actor: Caller, input: TOrgSettingsUpdate): Promise<OrgSettingsDto> {
  assertAdmin(actor, "change the organization settings");
  const change = ZOrgSettingsUpdate.parse(input);
  const {
    updatedAt: _at,
    twoFactorPolicy,
    twoFactorGraceDays,
    twoFactorPolicySince,
    ...current
  } = await getOrgSettings();
  const data = ZOrgSettings.parse({ ...current, ...change });
  const row = await db().organizationSettings.update({ where: { id: 1 }, data, select });
  track("admin.settings_updated", {}, { userId: actorUserId(actor) });
  return row as OrgSettingsDto;
}

/** The time zone to use for a user: their own, else the organization's. */
export async function effectiveTimezone(userTimezone: string | null | undefined): Promise<string> {
  return userTimezone || (await getOrgSettings()).timezone;
}

/**
 * Whether this caller may see money (rates, amounts, budgets): admins always; members only when an
 * admin turned on "members see money". Every service and DTO that returns money asks this once and
 * returns null in place of each amount when it says no.
 */
export async function canSeeMoney(actor: Caller): Promise<boolean> {
  if (isAdmin(actor)) return true;
  const row = await db().organizationSettings.findUnique({ where: { id: 1 }, select: { membersSeeMoney: true } });
  return row?.membersSeeMoney ?? false;
}

/** The org's first weekday (0 = Sunday) in one read; the schema's default (Monday) before the row exists. */
export async function orgWeekStart(): Promise<number> {
  const row = await db().organizationSettings.findUnique({ where: { id: 1 }, select: { weekStart: true } });
  return row?.weekStart ?? 1;
}
