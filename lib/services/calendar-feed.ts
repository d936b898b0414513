// The per-user iCalendar feed: a secret URL (/api/calendar/<token>.ics) that calendar apps poll.
// The token is 256 random bits behind the prefix `tt_cal_`; only its SHA-256 is stored, so the URL
// is shown once. Regenerating replaces it (the old URL stops at once), revoking deletes it.
// The feed read takes no actor on purpose: the token in the URL is the authorization (like a
// password-reset link), and a token no feed has, or a deactivated owner, answers NOT_FOUND.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { track } from "@/lib/observability/track";
import { buildIcs, type IcsEvent } from "@/lib/calendar/ics";
import type { Actor } from "./actor";

export const FEED_TOKEN_PREFIX = "tt_cal_";
const FEED_TOKEN_SHAPE = /^tt_cal_[A-Za-z0-9_-]{43}$/;
/** The feed holds the last 90 days and everything after. */
export const FEED_PAST_DAYS = 90;
/** A calendar with more events than this slows every app that polls it; the newest win. */
export const FEED_MAX_EVENTS = 5000;
const LAST_USED_PRECISION_MS = 3_600_000;

const hashFeedToken = (raw: string) => createHash("sha256").update(raw, "utf8").digest("hex");

export interface CalendarFeedDto {
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The path of a feed URL (the page puts the public origin in front). */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

export async function getCalendarFeed(actor: Actor): Promise<CalendarFeedDto | null> {
  return db().calendarFeed.findUnique({
    where: { userId: actor.id },
    select: { createdAt: true, lastUsedAt: true },
  });
}

/** A new secret URL for the caller; an earlier one stops working. The token is returned only here. */
export async function createCalendarFeed(actor: Actor): Promise<{ token: string; createdAt: Date }> {
  const token = FEED_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const tokenHash = hashFeedToken(token);
  const existing = await db().calendarFeed.findUnique({ where: { userId: actor.id }, select: { userId: true } });
  const row = await db().calendarFeed.upsert({
    where: { userId: actor.id },
    create: { userId: actor.id, tokenHash },
    update: { tokenHash, createdAt: new Date(), lastUsedAt: null },
    select: { createdAt: true },
  });
  track("calendar_feed.created", { regenerated: existing !== null }, { userId: actor.id });
  return { token, createdAt: row.createdAt };
}

/** Revokes the caller's feed URL (nothing to revoke is fine: a second click changes nothing). */
export async function revokeCalendarFeed(actor: Actor): Promise<{ revoked: boolean }> {
  const { count } = await db().calendarFeed.deleteMany({ where: { userId: actor.id } });
  if (count > 0) track("calendar_feed.revoked", {}, { userId: actor.id });
  return { revoked: count > 0 };
}

function summaryOf(e: { notes: string; projectName: string | null }): string {
  const first = e.notes.split(/\r\n|\r|\n/)[0]?.trim();
  if (first && e.projectName) return `${first} · ${e.projectName}`;
  return first || e.projectName || "Time entry";
}

/** The feed's text for a token from a URL ("…/<token>.ics"); NOT_FOUND for a revoked or unknown one. */
export async function calendarFeedIcs(rawToken: string, now = new Date()): Promise<string> {
  const token = rawToken.replace(/\.ics$/, "");
  if (!FEED_TOKEN_SHAPE.test(token)) throw new AppError("NOT_FOUND", "No such calendar.");
  const feed = await db().calendarFeed.findUnique({
    where: { tokenHash: hashFeedToken(token) },
    select: { userId: true, lastUsedAt: true, user: { select: { active: true } } },
  });
  if (!feed || !feed.user.active) throw new AppError("NOT_FOUND", "No such calendar.");
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const rows = await db().timeEntry.findMany({
    where: { userId: feed.userId, OR: [{ end: null }, { end: { gt: since } }] },
    orderBy: [{ start: "desc" }, { id: "desc" }],
    take: FEED_MAX_EVENTS,
    select: {
      id: true,
      start: true,
      end: true,
      notes: true,
      updatedAt: true,
      project: { select: { name: true, client: { select: { name: true } } } },
      task: { select: { name: true } },
    },
  });
  if (!feed.lastUsedAt || now.getTime() - feed.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db().calendarFeed.updateMany({ where: { userId: feed.userId }, data: { lastUsedAt: now } });
  }
  const events: IcsEvent[] = rows.reverse().map((r) => {
    const projectName = r.project?.name ?? null;
    const where = [r.project?.client.name, projectName, r.task?.name].filter(Boolean).join(" / ");
    return {
      uid: `${r.id}@timetracker`,
      start: r.start,
      // The running timer: up to now, as when the feed was read.
      end: r.end ?? now,
      summary: summaryOf({ notes: r.notes, projectName }),
      description: [where, r.notes].filter(Boolean).join("\n\n"),
      modified: r.updatedAt,
    };
  });
  return buildIcs({ name: "TimeTracker", events, now });
}
