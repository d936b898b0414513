// Saved report views: a person's named report filters, private to them (an administrator sees only
// their own too). Someone else's view looks exactly like a missing one.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { ZById, type TById } from "@/lib/validation/common";
import {
  MAX_REPORT_VIEWS,
  ZRenameReportView,
  ZReportViewQuery,
  ZSaveReportView,
  type TRenameReportView,
  type TReportViewQuery,
  type TSaveReportView,
} from "@/lib/validation/report-views";
import { isAdmin, type Actor } from "./actor";
import { isUniqueViolation } from "./prisma-errors";

export interface ReportViewDto {
  id: string;
  name: string;
  query: TReportViewQuery;
}

const taken = (name: string) =>
  new AppError("CONFLICT", `You already have a view named “${name}”.`, {
    name: ["Choose another name: you already have a view with this one."],
  });

/** The actor's views by name. A stored query that no longer parses (an old format) is left out. */
export async function listReportViews(actor: Actor): Promise<ReportViewDto[]> {
  const rows = await db().reportView.findMany({
    where: { userId: actor.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
    take: MAX_REPORT_VIEWS,
  });
  return rows.flatMap((r) => {
    const q = ZReportViewQuery.safeParse(r.query);
    return q.success ? [{ id: r.id, name: r.name, query: q.data }] : [];
  });
}

export async function saveReportView(actor: Actor, input: TSaveReportView): Promise<ReportViewDto> {
  const { name, ...fields } = ZSaveReportView.parse(input);
  // A member's reports always show their own time: a person filter means nothing in their view.
  const query: TReportViewQuery = { ...fields, userId: isAdmin(actor) ? fields.userId : null };
  if (query.preset) Object.assign(query, { from: null, to: null });
  if ((await db().reportView.count({ where: { userId: actor.id } })) >= MAX_REPORT_VIEWS) {
    throw new AppError("CONFLICT", `You can keep at most ${MAX_REPORT_VIEWS} views: delete one first.`);
  }
  try {
    const row = await db().reportView.create({
      data: { userId: actor.id, name, query },
      select: { id: true },
    });
    track(
      "report_view.saved",
      { report_view_id: row.id, report_type: query.type, date_preset: query.preset ?? "custom" },
      { userId: actor.id },
    );
    return { id: row.id, name, query };
  } catch (err) {
    if (isUniqueViolation(err)) throw taken(name);
    throw err;
  }
}

export async function renameReportView(actor: Actor, input: TRenameReportView): Promise<{ id: string }> {
  const { id, name } = ZRenameReportView.parse(input);
  try {
    const { count } = await db().reportView.updateMany({ where: { id, userId: actor.id }, data: { name } });
    if (count === 0) throw new AppError("NOT_FOUND", "That view does not exist.");
  } catch (err) {
    if (isUniqueViolation(err)) throw taken(name);
    throw err;
  }
  track("report_view.renamed", { report_view_id: id }, { userId: actor.id });
  return { id };
}

/** Deletes the view and returns what it held, so the page can offer Undo (save it again). */
export async function deleteReportView(actor: Actor, input: TById): Promise<ReportViewDto> {
  const { id } = ZById.parse(input);
  const row = await db().reportView.findFirst({
    where: { id, userId: actor.id },
    select: { id: true, name: true, query: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "That view does not exist.");
  await db().reportView.deleteMany({ where: { id, userId: actor.id } });
  track("report_view.deleted", { report_view_id: id }, { userId: actor.id });
  const q = ZReportViewQuery.safeParse(row.query);
  return { id: row.id, name: row.name, query: q.success ? q.data : ZReportViewQuery.parse({}) };
}
