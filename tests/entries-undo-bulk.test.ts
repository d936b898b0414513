// The entry list's everyday edits against a real database: delete and Undo (the entry comes back
// exactly), bulk edit and bulk delete of a selection, shifts past midnight, a duration that
// contradicts the times, and the week grid placing typed hours after the day's last entry.
import { db } from "@/lib/db";
import {
  bulkDeleteEntries,
  bulkUpdateEntries,
  createGridEntry,
  createManualEntry,
  deleteEntry,
  getEntry,
  listEntries,
  updateEntry,
} from "@/lib/services/entries";
import { restoreEntries } from "@/lib/services/entry-trash";
import { updateProfile } from "@/lib/services/profile";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeAll(async () => {
  s = await seedTracking();
  await updateProfile(s.alice, {
    fullName: "",
    email: "alice@example.com",
    timezone: "Europe/Berlin",
    theme: "system",
  });
});
beforeEach(async () => {
  await db().timeEntry.deleteMany();
});

const entry = (over: Record<string, unknown> = {}) =>
  createManualEntry(s.alice, {
    projectId: s.project.id,
    taskId: s.task.id,
    date: "2026-03-02",
    startTime: "09:00",
    endTime: "10:30",
    notes: "Wireframes",
    tags: ["design", "urgent"],
    billable: false,
    ...over,
  });

describe("delete and Undo", () => {
  it("puts the entry back exactly: id, times, notes, tags, billable, source, creation time", async () => {
    const e = await entry();
    const before = await db().timeEntry.findUniqueOrThrow({ where: { id: e.id } });
    await deleteEntry(s.alice, { id: e.id });
    expect(await db().timeEntry.count({ where: { id: e.id } })).toBe(0);

    expect(await restoreEntries(s.alice, { ids: [e.id] })).toEqual({ restored: 1 });
    const after = await db().timeEntry.findUniqueOrThrow({ where: { id: e.id } });
    expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    expect((await getEntry(s.alice, e.id)).tags).toEqual(["design", "urgent"]);
    // Undo works once: the kept copy is gone.
    await expect(restoreEntries(s.alice, { ids: [e.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("only the person who deleted an entry can restore it", async () => {
    const e = await entry();
    await deleteEntry(s.alice, { id: e.id });
    await expect(restoreEntries(s.bob, { ids: [e.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(restoreEntries(s.admin, { ids: [e.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().timeEntry.count({ where: { id: e.id } })).toBe(0);
  });

  it("a copy older than a day is gone", async () => {
    const e = await entry();
    await deleteEntry(s.alice, { id: e.id });
    await db().deletedTimeEntry.update({
      where: { id: e.id },
      data: { deletedAt: new Date(Date.now() - 25 * 3600_000) },
    });
    await expect(restoreEntries(s.alice, { ids: [e.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("bulk edit and delete", () => {
  it("sets billable and tags on the selection, and leaves other entries alone", async () => {
    const a = await entry({ notes: "a" });
    const b = await entry({ notes: "b", startTime: "11:00", endTime: "12:00" });
    const c = await entry({ notes: "c", startTime: "13:00", endTime: "14:00" });
    expect(await bulkUpdateEntries(s.alice, { ids: [a.id, b.id], billable: "on", tags: ["review"] })).toEqual({
      updated: 2,
    });
    const [ga, gb, gc] = await Promise.all([a, b, c].map((x) => getEntry(s.alice, x.id)));
    expect([ga.billable, gb.billable, gc.billable]).toEqual([true, true, false]);
    expect([ga.tags, gb.tags, gc.tags]).toEqual([["review"], ["review"], ["design", "urgent"]]);
    // Project, task and times are untouched when not asked for.
    expect([ga.projectId, ga.taskId, ga.start, ga.end]).toEqual([a.projectId, a.taskId, a.start, a.end]);
  });

  it("a new project clears the task; someone else's entry in the selection refuses the whole change", async () => {
    const a = await entry();
    const other = await createManualEntry(s.bob, { projectId: s.project.id, date: "2026-03-02", duration: "1h" });
    await expect(bulkUpdateEntries(s.alice, { ids: [a.id, other.id], billable: "on" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getEntry(s.alice, a.id)).billable).toBe(false);
    await bulkUpdateEntries(s.alice, { ids: [a.id], projectId: s.project.id });
    expect((await getEntry(s.alice, a.id)).taskId).toBeNull();
    await expect(bulkUpdateEntries(s.alice, { ids: [a.id] })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("deletes the selection and one Undo restores all of it", async () => {
    const a = await entry({ notes: "a" });
    const b = await entry({ notes: "b", startTime: "11:00", endTime: "12:00" });
    const other = await createManualEntry(s.bob, { projectId: s.project.id, date: "2026-03-02", duration: "1h" });
    await expect(bulkDeleteEntries(s.alice, { ids: [a.id, other.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().timeEntry.count()).toBe(3);
    expect(await bulkDeleteEntries(s.alice, { ids: [a.id, b.id] })).toEqual({ deleted: 2 });
    expect(await db().timeEntry.count({ where: { userId: s.alice.id } })).toBe(0);
    expect(await restoreEntries(s.alice, { ids: [a.id, b.id] })).toEqual({ restored: 2 });
    const page = await listEntries(s.alice, ZEntryFilters.parse({}));
    expect(page.entries.map((e) => e.notes).sort()).toEqual(["a", "b"]);
  });
});

describe("times", () => {
  it("an end time before the start time ends on the next day", async () => {
    const e = await entry({ date: "2026-03-02", startTime: "22:00", endTime: "01:30" });
    expect(e.start.toISOString()).toBe("2026-03-02T21:00:00.000Z");
    expect(e.end?.toISOString()).toBe("2026-03-03T00:30:00.000Z");
    expect(e.durationSeconds).toBe(3.5 * 3600);
    const moved = await updateEntry(s.alice, {
      id: e.id,
      projectId: s.project.id,
      date: "2026-03-02",
      startTime: "23:00",
      endTime: "00:15",
    });
    expect(moved.durationSeconds).toBe(75 * 60);
  });

  it("a duration that contradicts start and end is a field error, not dropped", async () => {
    await expect(entry({ startTime: "09:00", endTime: "10:00", duration: "2h" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { duration: [expect.stringContaining("Does not match 09:00–10:00 (1:00)")] },
    });
    // Agreeing values are fine.
    expect((await entry({ startTime: "09:00", endTime: "10:00", duration: "1h" })).durationSeconds).toBe(3600);
    await expect(entry({ startTime: "09:00", endTime: "09:00" })).rejects.toMatchObject({
      fieldErrors: { endTime: ["The end must be after the start."] },
    });
  });
});

describe("week grid", () => {
  it("places typed hours after the day's last entry, so grid entries never overlap", async () => {
    const g1 = await createGridEntry(s.alice, { projectId: s.project.id, date: "2026-03-04", duration: "2h" });
    const g2 = await createGridEntry(s.alice, { projectId: s.project.id, date: "2026-03-04", duration: "1h" });
    const g3 = await createGridEntry(s.alice, { projectId: s.project.id, date: "2026-03-04", duration: "30m" });
    expect(g1.start.toISOString()).toBe("2026-03-04T08:00:00.000Z"); // 09:00 Berlin
    expect(g2.start.toISOString()).toBe(g1.end?.toISOString());
    expect(g3.start.toISOString()).toBe(g2.end?.toISOString());
    expect([g1.overlaps, g2.overlaps, g3.overlaps]).toEqual([false, false, false]);
  });
});
