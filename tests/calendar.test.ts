// The calendar view's services: the visible range shows only the caller's own entries (the running
// one included), drawing and moving snap to the organization's rounding step (15 minutes when it
// rounds nothing) on the user's local clock, billed entries and other people's entries are refused.
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { systemActor } from "@/lib/services/actor";
import { createCalendarEntry, listCalendarEntries, moveCalendarEntry } from "@/lib/services/calendar";
import { createManualEntry, getEntry } from "@/lib/services/entries";
import { createInvoiceDraft } from "@/lib/services/invoices";
import { updateOrgSettings } from "@/lib/services/settings";
import { startTimer } from "@/lib/services/timer";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
  await updateOrgSettings(systemActor("test:calendar"), { timezone: "UTC", roundingMinutes: 0 });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    // The action pipeline answers a schema mismatch as VALIDATION with field errors.
    if (err instanceof ZodError) return "VALIDATION";
    throw err;
  }
}

const week = { start: "2026-03-02T00:00:00Z", end: "2026-03-09T00:00:00Z" };

describe("calendar range", () => {
  it("lists the caller's entries overlapping the range, a running timer with no end, nobody else's", async () => {
    const inside = await createManualEntry(s.alice, { date: "2026-03-03", startTime: "09:00", endTime: "10:30" });
    // Crosses into the range from the Sunday before: it is drawn too.
    const across = await createManualEntry(s.alice, { date: "2026-03-01", startTime: "23:00", endTime: "01:00" });
    await createManualEntry(s.alice, { date: "2026-03-10", startTime: "09:00", duration: "1h" });
    await createManualEntry(s.bob, { date: "2026-03-03", startTime: "09:00", duration: "1h", notes: "bob's" });
    const list = await listCalendarEntries(s.alice, week);
    expect(list.map((e) => e.id)).toEqual([across.id, inside.id]);
    expect(list.find((e) => e.id === inside.id)).toMatchObject({
      start: "2026-03-03T09:00:00.000Z",
      end: "2026-03-03T10:30:00.000Z",
      locked: false,
    });
    // The running timer is in today's range, without an end; bob's running timer is not.
    const running = await startTimer(s.alice, { notes: "now" });
    await startTimer(s.bob, { notes: "bob's" });
    const today = { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 3_600_000) };
    const now = await listCalendarEntries(s.alice, today);
    expect(now.map((e) => [e.id, e.end])).toEqual([[running.id, null]]);
    // The admin's calendar is their own too: alice's entries are not in it.
    expect(await listCalendarEntries(s.admin, week)).toEqual([]);
  });

  it("refuses a range that ends before it starts or spans more than 62 days", async () => {
    expect(await codeOf(listCalendarEntries(s.alice, { start: week.end, end: week.start }))).toBe("VALIDATION");
    const long = { start: "2026-01-01T00:00:00Z", end: "2026-04-01T00:00:00Z" };
    expect(await codeOf(listCalendarEntries(s.alice, long))).toBe("VALIDATION");
    expect(await codeOf(listCalendarEntries(s.alice, { start: "soon", end: week.end }))).toBe("VALIDATION");
  });
});

describe("drawing and moving", () => {
  it("a drawn block becomes an entry snapped to 15 minutes when the organization rounds nothing", async () => {
    const e = await createCalendarEntry(s.alice, {
      start: "2026-03-03T09:07:00Z",
      end: "2026-03-03T10:53:00Z",
      notes: "drawn",
      projectId: s.project.id,
    });
    expect(e).toMatchObject({ start: "2026-03-03T09:00:00.000Z", end: "2026-03-03T11:00:00.000Z", notes: "drawn" });
    const stored = await getEntry(s.alice, e.id);
    expect(stored).toMatchObject({ projectId: s.project.id, userId: s.alice.id, source: "manual" });
  });

  it("snaps to the organization's rounding step, on the user's local clock (+05:30)", async () => {
    await updateOrgSettings(systemActor("test:calendar"), { roundingMinutes: 30, timezone: "Asia/Kolkata" });
    // 09:40 in Kolkata is 04:10 UTC; the nearest half hour there is 09:30 = 04:00 UTC.
    const e = await createCalendarEntry(s.alice, { start: "2026-03-03T04:10:00Z", end: "2026-03-03T05:20:00Z" });
    expect(e.start).toBe("2026-03-03T04:00:00.000Z");
    expect(e.end).toBe("2026-03-03T05:30:00.000Z");
    const stored = await getEntry(s.alice, e.id);
    expect(stored.projectId).toBeNull();
  });

  it("moves and resizes a block (snapped), keeping its project, notes and tags", async () => {
    const e = await createManualEntry(s.alice, {
      date: "2026-03-03",
      startTime: "09:00",
      endTime: "10:00",
      projectId: s.project.id,
      notes: "keep me",
      tags: ["blue"],
    });
    const moved = await moveCalendarEntry(s.alice, {
      id: e.id,
      start: "2026-03-04T13:02:00Z",
      end: "2026-03-04T14:01:00Z",
    });
    expect(moved).toMatchObject({ start: "2026-03-04T13:00:00.000Z", end: "2026-03-04T14:00:00.000Z" });
    const resized = await moveCalendarEntry(s.alice, {
      id: e.id,
      start: moved.start,
      end: "2026-03-04T15:40:00Z",
    });
    expect(resized.end).toBe("2026-03-04T15:45:00.000Z");
    const stored = await getEntry(s.alice, e.id);
    expect(stored).toMatchObject({ projectId: s.project.id, notes: "keep me", tags: ["blue"], durationSeconds: 9900 });
    // A block squeezed to nothing keeps one step.
    const tiny = await moveCalendarEntry(s.alice, { id: e.id, start: moved.start, end: "2026-03-04T13:03:00Z" });
    expect(tiny.end).toBe("2026-03-04T13:15:00.000Z");
  });

  it("refuses another user's entry (also an admin's move) and leaves it as it was", async () => {
    const e = await createManualEntry(s.alice, { date: "2026-03-03", startTime: "09:00", endTime: "10:00" });
    const to = { id: e.id, start: "2026-03-05T09:00:00Z", end: "2026-03-05T10:00:00Z" };
    expect(await codeOf(moveCalendarEntry(s.bob, to))).toBe("NOT_FOUND");
    expect(await codeOf(moveCalendarEntry(s.admin, to))).toBe("NOT_FOUND");
    expect((await getEntry(s.alice, e.id)).start.toISOString()).toBe("2026-03-03T09:00:00.000Z");
  });

  it("refuses to move a billed entry or the running timer, with a message", async () => {
    const billed = await createManualEntry(s.alice, {
      date: "2026-03-03",
      startTime: "09:00",
      endTime: "10:00",
      projectId: s.project.id,
    });
    await createInvoiceDraft(s.admin, { clientId: s.client.id, from: "2026-03-01", to: "2026-03-31" });
    const claim = await db().invoiceEntry.findUnique({ where: { entryId: billed.id } });
    expect(claim?.invoiceId).toBeDefined();
    const list = await listCalendarEntries(s.alice, week);
    expect(list.find((x) => x.id === billed.id)?.locked).toBe(true);
    const err = await moveCalendarEntry(s.alice, {
      id: billed.id,
      start: "2026-03-03T11:00:00Z",
      end: "2026-03-03T12:00:00Z",
    }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
    expect((err as AppError).message).toMatch(/draft invoice/);
    expect((await getEntry(s.alice, billed.id)).start.toISOString()).toBe("2026-03-03T09:00:00.000Z");

    const running = await startTimer(s.alice, {});
    const moveRunning = moveCalendarEntry(s.alice, {
      id: running.id,
      start: "2026-03-03T11:00:00Z",
      end: "2026-03-03T12:00:00Z",
    });
    expect(await codeOf(moveRunning)).toBe("CONFLICT");
  });
});
