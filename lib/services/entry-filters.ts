// One reading of the entry filters (date range in the viewer's zone, client, project, task, tag,
// billable, user) for Prisma queries and for raw SQL, so lists, reports and exports agree.
import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { TEntryFilters } from "@/lib/validation/reports";
import { isAdmin, type Actor } from "./actor";
import { dayRange } from "@/lib/time/tz";

/** Users see their own entries; admins everyone's, or one user's when filtered. */
export function scopedUserId(actor: Actor, f: TEntryFilters): string | null {
  return isAdmin(actor) ? (f.userId ?? null) : actor.id;
}

function bounds(f: TEntryFilters, tz: string): { from?: Date; to?: Date } {
  const from = f.from ? dayRange(f.from, f.from, tz).from : undefined;
  const to = f.to ? dayRange(f.to, f.to, tz).to : undefined;
  return { from, to };
}

export function entryWhere(actor: Actor, f: TEntryFilters, tz: string): Prisma.TimeEntryWhereInput {
  const uid = scopedUserId(actor, f);
  const { from, to } = bounds(f, tz);
  return {
    ...(uid ? { userId: uid } : {}),
    ...(from || to ? { start: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
    ...(f.projectId ? { projectId: f.projectId } : {}),
    ...(f.clientId ? { project: { clientId: f.clientId } } : {}),
    ...(f.taskId ? { taskId: f.taskId } : {}),
    ...(f.tag ? { tags: { some: { tag: { name: f.tag } } } } : {}),
    ...(f.billable ? { billable: f.billable === "yes" } : {}),
  };
}

/** The same filters as SQL conditions on aliases e (time_entries) and p (projects). */
export function entryWhereSql(actor: Actor, f: TEntryFilters, tz: string): Prisma.Sql {
  const uid = scopedUserId(actor, f);
  const { from, to } = bounds(f, tz);
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (uid) parts.push(Prisma.sql`e.user_id = ${uid}::uuid`);
  if (from) parts.push(Prisma.sql`e.start >= ${from}`);
  if (to) parts.push(Prisma.sql`e.start < ${to}`);
  if (f.projectId) parts.push(Prisma.sql`e.project_id = ${f.projectId}::uuid`);
  if (f.clientId) parts.push(Prisma.sql`p.client_id = ${f.clientId}::uuid`);
  if (f.taskId) parts.push(Prisma.sql`e.task_id = ${f.taskId}::uuid`);
  if (f.tag) {
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM time_entry_tags xt JOIN tags xg ON xg.id = xt.tag_id WHERE xt.entry_id = e.id AND xg.name = ${f.tag})`,
    );
  }
  if (f.billable) parts.push(Prisma.sql`e.billable = ${f.billable === "yes"}`);
  return Prisma.join(parts, " AND ");
}

export function rangeDays(f: Pick<TEntryFilters, "from" | "to">): number {
  if (!f.from || !f.to) return 0;
  return Math.max(0, Math.round((Date.parse(f.to) - Date.parse(f.from)) / 86400000) + 1);
}

/** Keyset cursor over (start desc, id desc). */
export function encodeCursor(e: { start: Date; id: string }): string {
  return Buffer.from(`${e.start.toISOString()}|${e.id}`).toString("base64url");
}

export function decodeCursor(c: string | null | undefined): { start: Date; id: string } | null {
  if (!c) return null;
  const [iso, id] = Buffer.from(c, "base64url").toString().split("|");
  const start = new Date(iso);
  if (!id || Number.isNaN(start.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  return { start, id };
}
