// Entries, reports and the CSV export against a real database: validation, authorization by
// another user, DST-aware day buckets, SQL totals, and streaming with escaping.
import { db } from "@/lib/db";
import { deleteClient, setClientArchived } from "@/lib/services/clients";
import {
  createBulkEntries,
  createManualEntry,
  deleteEntry,
  duplicateEntry,
  listEntries,
  updateEntry,
} from "@/lib/services/entries";
import { exportEntriesCsv } from "@/lib/services/export";
import { deleteProject, listProjects } from "@/lib/services/projects";
import { summaryReport } from "@/lib/services/reports";
import { updateOrgSettings } from "@/lib/services/settings";
import { deleteTask } from "@/lib/services/tasks";
import { updateProfile } from "@/lib/services/profile";
import { weekData } from "@/lib/services/week";
import { ZEntryFilters } from "@/lib/validation/reports";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
const noFilter = ZEntryFilters.parse({});

beforeAll(async () => {
  s = await seedTracking();
  await updateProfile(s.alice, {
    fullName: "",
    email: "alice@example.com",
    timezone: "Europe/Amsterdam",
    theme: "system",
  });
});
beforeEach(async () => {
  await db().timeEntry.deleteMany();
});

const entry = (over: Record<string, unknown> = {}) => ({ projectId: s.project.id, date: "2026-03-10", ...over });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("manual entries", () => {
  it.each(["1h 30m", "1:30", "90m", "1.5"])("accepts the duration %p", async (duration) => {
    const e = await createManualEntry(s.alice, entry({ duration, startTime: "10:00" }));
    expect(e.durationSeconds).toBe(5400);
    expect(e.start.toISOString()).toBe("2026-03-10T09:00:00.000Z"); // 10:00 in Amsterdam (CET)
  });

  it.each([
    // An end before the start is the next day (tests/entries-undo-bulk.test.ts); an equal one is refused.
    [{ startTime: "10:00", endTime: "10:00" }, "endTime"],
    [{ startTime: "10:00", endTime: "11:00", duration: "2h" }, "duration"],
    [{ duration: "25h" }, "duration"],
    [{ duration: "soon" }, "duration"],
    [{ date: "2026-02-30", duration: "1h" }, "date"],
    [{ projectId: "not-a-uuid", duration: "1h" }, "projectId"],
  ])("rejects %p with a field error on %s", async (over, field) => {
    const err = await createManualEntry(s.alice, entry(over)).catch((e: unknown) => e);
    const fe =
      (err as { fieldErrors?: Record<string, string[]> }).fieldErrors ??
      (err as { issues?: { path: string[] }[] }).issues?.map((i) => i.path[0]);
    expect(JSON.stringify(fe)).toContain(field);
  });

  it("flags overlaps but allows them, duplicates, edits and deletes", async () => {
    const a = await createManualEntry(s.alice, entry({ startTime: "09:00", endTime: "11:00" }));
    const b = await createManualEntry(s.alice, entry({ startTime: "10:00", endTime: "12:00" }));
    expect(a.overlaps).toBe(false);
    expect(b.overlaps).toBe(true);
    const copy = await duplicateEntry(s.alice, { id: a.id });
    expect(copy.durationSeconds).toBe(7200);
    const edited = await updateEntry(s.alice, {
      ...entry({ startTime: "13:00", endTime: "14:00", notes: "moved" }),
      id: a.id,
    });
    expect(edited.notes).toBe("moved");
    await deleteEntry(s.alice, { id: copy.id });
    expect(await db().timeEntry.count()).toBe(2);
  });

  it("bulk entry skips weekends and allows at most 31 days", async () => {
    const r = await createBulkEntries(s.alice, {
      projectId: s.project.id,
      from: "2026-03-02",
      to: "2026-03-08",
      duration: "8h",
    });
    expect(r.created).toBe(5);
    await expect(
      createBulkEntries(s.alice, { projectId: s.project.id, from: "2026-03-01", to: "2026-04-05", duration: "1h" }),
    ).rejects.toMatchObject({
      fieldErrors: { to: expect.any(Array) },
    });
  });

  it("another user can neither see, edit, duplicate nor delete my entry; an admin can", async () => {
    const a = await createManualEntry(s.alice, entry({ duration: "1h" }));
    await expect(updateEntry(s.bob, { ...entry({ duration: "2h" }), id: a.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(duplicateEntry(s.bob, { id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteEntry(s.bob, { id: a.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createManualEntry(s.bob, entry({ duration: "1h" }), { userId: s.alice.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await listEntries(s.bob, noFilter)).entries).toHaveLength(0);
    expect((await listEntries(s.admin, noFilter)).entries).toHaveLength(1);
    await updateEntry(s.admin, { ...entry({ duration: "2h" }), id: a.id });
    await deleteEntry(s.admin, { id: a.id });
  });

  it("lists with keyset pagination", async () => {
    await createBulkEntries(s.alice, { projectId: s.project.id, from: "2026-03-02", to: "2026-03-13", duration: "1h" });
    const p1 = await listEntries(s.alice, noFilter, { limit: 4 });
    const p2 = await listEntries(s.alice, noFilter, { limit: 4, cursor: p1.nextCursor });
    const p3 = await listEntries(s.alice, noFilter, { limit: 4, cursor: p2.nextCursor });
    const ids = [...p1.entries, ...p2.entries, ...p3.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(10);
    expect(p3.nextCursor).toBeNull();
  });
});

describe("clients, projects and tasks permissions", () => {
  it("only admins delete clients and projects; archived ones leave the pickers", async () => {
    await expect(deleteProject(s.alice, { id: s.project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteClient(s.bob, { id: s.client.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteClient(s.admin, { id: s.client.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteTask(s.bob, { id: s.task.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setClientArchived(s.alice, { id: s.client.id, archived: true });
    expect((await listProjects(s.alice)).map((p) => p.id)).not.toContain(s.project.id);
    expect((await listProjects(s.alice, { includeArchived: true })).map((p) => p.id)).toContain(s.project.id);
    await setClientArchived(s.alice, { id: s.client.id, archived: false });
  });
});

describe("reports", () => {
  it("buckets days in the user's zone across the DST switch (Europe/Amsterdam)", async () => {
    // 00:30 local on the spring-forward day is still 23:30 UTC the day before.
    await createManualEntry(s.alice, entry({ date: "2026-03-29", startTime: "00:30", duration: "1h" }));
    await createManualEntry(s.alice, entry({ date: "2026-03-28", startTime: "23:00", duration: "30m" }));
    const r = await summaryReport(s.alice, { from: "2026-03-23", to: "2026-03-29", group1: "day" }, "Europe/Amsterdam");
    expect(r.rows.map((x) => [x.key1, x.seconds])).toEqual([
      ["2026-03-28", 1800],
      ["2026-03-29", 3600],
    ]);
    const ny = await summaryReport(
      s.alice,
      { from: "2026-03-23", to: "2026-03-29", group1: "day" },
      "America/New_York",
    );
    expect(ny.rows.map((x) => x.key1)).toEqual(["2026-03-28"]);
    const weeks = await summaryReport(s.alice, { group1: "week", group2: "month" }, "Europe/Amsterdam");
    expect(weeks.rows.map((x) => [x.key1, x.key2, x.seconds])).toEqual([["2026-03-23", "2026-03", 5400]]);
    await updateOrgSettings(s.admin, { weekStart: 0 });
    const sundays = await summaryReport(s.alice, { group1: "week" }, "Europe/Amsterdam");
    expect(sundays.rows.map((x) => [x.key1, x.seconds])).toEqual([
      ["2026-03-22", 1800],
      ["2026-03-29", 3600],
    ]);
    await updateOrgSettings(s.admin, { weekStart: 1 });
    const w = await weekData(s.alice, "2026-03-23", "Europe/Amsterdam");
    expect(w.dayTotals["2026-03-29"]).toBe(3600);
    expect(w.totalSeconds).toBe(5400);
  });

  it("groups by two dimensions with hours, billable hours and amounts (project rate, else client's)", async () => {
    await createManualEntry(s.alice, entry({ duration: "2h", tags: "design", taskId: s.task.id }));
    await createManualEntry(s.alice, entry({ duration: "1h", billable: false }));
    await createManualEntry(s.bob, entry({ duration: "1h" }));
    const mine = await summaryReport(s.alice, { group1: "project", group2: "task" }, "UTC");
    expect(mine.totals).toEqual({ seconds: 3 * 3600, billableSeconds: 2 * 3600, amountCents: 20000 });
    expect(mine.rows).toHaveLength(2);
    const all = await summaryReport(s.admin, { group1: "user" }, "UTC");
    expect(all.totals.seconds).toBe(4 * 3600);
    const bobOnly = await summaryReport(s.admin, { group1: "tag", userId: s.bob.id }, "UTC");
    expect(bobOnly.rows.map((r) => r.label1)).toEqual(["(no tag)"]);
    // A user cannot widen the scope by naming another user.
    const sneaky = await summaryReport(s.bob, { group1: "user", userId: s.alice.id }, "UTC");
    expect(sneaky.totals.seconds).toBe(3600);
  });
});

describe("CSV export", () => {
  it("streams every row in batches, in the viewer's zone, with the org delimiter and formulas neutralised", async () => {
    await updateOrgSettings(s.admin, { csvDelimiter: ";" });
    await createManualEntry(
      s.alice,
      entry({ date: "2026-03-29", startTime: "10:00", duration: "1:30", notes: '=HYPERLINK("x"); "quoted"' }),
    );
    await createBulkEntries(s.alice, {
      projectId: s.project.id,
      from: "2026-03-02",
      to: "2026-03-13",
      duration: "1h",
      notes: "plain",
    });
    const text = await readAll(await exportEntriesCsv(s.alice, noFilter, "Europe/Amsterdam", { batchSize: 3 }));
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "ID;User;Client;Project;Task;Start;End;Duration (hours);Duration (h:mm);Notes;Tags;Source;Billable;Amount;Created At",
    );
    expect(lines).toHaveLength(1 + 11);
    expect(lines[1]).toContain("2026-03-29T10:00:00+02:00");
    expect(lines[1]).toContain(";1.50;1:30;");
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""); ""quoted"""`);
    expect(lines[1]).toContain(";150.00;");
    const bobs = await readAll(await exportEntriesCsv(s.bob, noFilter, "UTC"));
    expect(bobs.trim().split("\r\n")).toHaveLength(1);
    await updateOrgSettings(s.admin, { csvDelimiter: "," });
  });
});
