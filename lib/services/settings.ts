// Organization settings: one row, read with defaults, changed only by admins (callers authorize).
import "server-only";
import { db } from "@/lib/db";
import { ZOrgSettings, type TOrgSettings } from "@/lib/validation/settings";
import { isUniqueViolation } from "./prisma-errors";

export type OrgSettingsDto = TOrgSettings & { updatedAt: Date };

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
  updatedAt: true,
} as const;

// A plain read on every request; the row is created with its defaults on first use. (An upsert with an
// empty update is a read-then-insert in Prisma: concurrent first requests failed on the primary key,
// found by the HTTP benchmark's 50 simultaneous dashboards on a fresh database.)
export async function getOrgSettings(): Promise<OrgSettingsDto> {
  const found = await db().organizationSettings.findUnique({ where: { id: 1 }, select });
  if (found) return found as OrgSettingsDto;
  try {
    return (await db().organizationSettings.create({ data: { id: 1 }, select })) as OrgSettingsDto;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return (await db().organizationSettings.findUniqueOrThrow({ where: { id: 1 }, select })) as OrgSettingsDto;
  }
}

export async function updateOrgSettings(input: Partial<TOrgSettings>): Promise<OrgSettingsDto> {
  const current = await getOrgSettings();
  const data = ZOrgSettings.parse({ ...current, ...input });
  const row = await db().organizationSettings.update({ where: { id: 1 }, data, select });
  return row as OrgSettingsDto;
}

/** The time zone to use for a user: their own, else the organization's. */
export async function effectiveTimezone(userTimezone: string | null | undefined): Promise<string> {
  return userTimezone || (await getOrgSettings()).timezone;
}
