// The iCalendar feed, through its route handler (GET /api/calendar/<token>.ics) on a real database:
// a user's own entries of the last 90 days and the future as VEVENTs in UTC, TEXT escaped and lines
// folded; a revoked or replaced token answers 404; the token is stored only as its hash; no notes,
// email or token reach the logs.
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createCalendarFeed, getCalendarFeed, revokeCalendarFeed } from "@/lib/services/calendar-feed";
import { createManualEntry } from "@/lib/services/entries";
import { systemActor } from "@/lib/services/actor";
import { updateOrgSettings } from "@/lib/services/settings";
import { GET } from "@/app/api/calendar/[token]/route";
import { setupTestDb } from "./helpers/db";
import { has, setupLogFile } from "./helpers/log-file";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
const logs = setupLogFile("tt-calendar-feed-");
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
  await updateOrgSettings(systemActor("test:feed"), { timezone: "UTC", roundingMinutes: 0 });
});

async function fetchFeed(path: string): Promise<{ status: number; type: string | null; body: string }> {
  const token = path.split("/").pop()!;
  const res = await GET(new NextRequest(`http://localhost${path}`), { params: Promise.resolve({ token }) });
  return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
}

const unfold = (s: string) => s.replace(/\r\n /g, "");
const dayKey = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

describe("calendar feed", () => {
  it("serves the owner's entries of the last 90 days and the future, escaped and folded, in UTC", async () => {
    const notes = "Workshop; planning, phase 2\nsecond line with more words to make the line long enough to fold";
    const recent = await createManualEntry(s.alice, {
      date: dayKey(-3),
      startTime: "09:00",
      endTime: "10:30",
      projectId: s.project.id,
      notes,
    });
    const future = await createManualEntry(s.alice, { date: dayKey(5), startTime: "14:00", duration: "1h" });
    const old = await createManualEntry(s.alice, { date: dayKey(-120), startTime: "09:00", duration: "1h" });
    const bobs = await createManualEntry(s.bob, { date: dayKey(-1), startTime: "09:00", duration: "1h", notes: "bob" });

    const { token } = await createCalendarFeed(s.alice);
    expect(token).toMatch(/^tt_cal_[A-Za-z0-9_-]{43}$/);
    const res = await fetchFeed(`/api/calendar/${token}.ics`);
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/calendar; charset=utf-8");
    const text = unfold(res.body);
    expect(text).toContain(`UID:${recent.id}@timetracker`);
    expect(text).toContain(`UID:${future.id}@timetracker`);
    expect(text).not.toContain(old.id);
    expect(text).not.toContain(bobs.id);
    const d = dayKey(-3).replace(/-/g, "");
    expect(text).toContain(`DTSTART:${d}T090000Z\r\nDTEND:${d}T103000Z`);
    expect(text).toContain("SUMMARY:Workshop\\; planning\\, phase 2 · Website\r\n");
    expect(text).toContain(`DESCRIPTION:${s.client.name} / Website\\n\\nWorkshop\\; planning\\, phase 2\\nsecond line`);
    for (const line of res.body.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    // Only the hash is stored.
    const row = await db().calendarFeed.findUniqueOrThrow({ where: { userId: s.alice.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await getCalendarFeed(s.alice))?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers 404 to a revoked token, to a replaced one and to a made-up one", async () => {
    await createManualEntry(s.alice, { date: dayKey(-1), startTime: "09:00", duration: "1h" });
    const first = await createCalendarFeed(s.alice);
    const second = await createCalendarFeed(s.alice);
    expect((await fetchFeed(`/api/calendar/${first.token}.ics`)).status).toBe(404);
    expect((await fetchFeed(`/api/calendar/${second.token}.ics`)).status).toBe(200);
    expect(await revokeCalendarFeed(s.alice)).toEqual({ revoked: true });
    expect((await fetchFeed(`/api/calendar/${second.token}.ics`)).status).toBe(404);
    expect(await revokeCalendarFeed(s.alice)).toEqual({ revoked: false });
    expect((await fetchFeed(`/api/calendar/tt_cal_${"A".repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed(`/api/calendar/..%2F..%2Fetc.ics`)).status).toBe(404);
  });

  it("stops serving when the owner is deactivated", async () => {
    const { token } = await createCalendarFeed(s.alice);
    await db().user.update({ where: { id: s.alice.id }, data: { active: false } });
    expect((await fetchFeed(`/api/calendar/${token}.ics`)).status).toBe(404);
  });

  it("logs neither the token nor notes nor the email", async () => {
    await createManualEntry(s.alice, { date: dayKey(-1), startTime: "09:00", duration: "1h", notes: "secret-note-x" });
    const { token } = await createCalendarFeed(s.alice);
    expect((await fetchFeed(`/api/calendar/${token}.ics`)).status).toBe(200);
    await revokeCalendarFeed(s.alice);
    const lines = await logs.lines((ls) =>
      ls.some((l) => has("analytics")([l]) && l.analytics_event === "calendar_feed.revoked"),
    );
    expect(lines.some((l) => l.analytics_event === "calendar_feed.created")).toBe(true);
    const all = JSON.stringify(lines);
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.slice(7, 30));
    expect(all).not.toContain("secret-note-x");
    expect(all).not.toContain("alice@example.com");
  });
});
