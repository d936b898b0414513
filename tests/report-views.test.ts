// Saved report views: private to their owner (admins included), validated, unique per person by
// name, capped, and a deleted view comes back with Undo. Runs on PGlite and PostgreSQL.
import { db } from "@/lib/db";
import { deleteReportView, listReportViews, renameReportView, saveReportView } from "@/lib/services/report-views";
import { viewHref } from "@/lib/reports/view-query";
import { MAX_REPORT_VIEWS } from "@/lib/validation/report-views";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeAll(async () => {
  s = await seedTracking();
});

const rejects = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code });

it("saves the filters under a name, lists them for their owner only, and opens them with today's days", async () => {
  const v = await saveReportView(s.alice, {
    name: "  Monthly by day ",
    preset: "this_month",
    from: "2026-01-01", // a preset's days are not kept: they move with the calendar
    to: "2026-01-31",
    group1: "day",
    group2: "project",
    projectId: s.project.id,
    clientId: s.client.id,
    tag: "urgent",
    billable: "yes",
    userId: s.bob.id, // a member's reports show only their own time: not kept
    type: "summary",
  });
  expect(v.name).toBe("Monthly by day");
  const [mine] = await listReportViews(s.alice);
  expect(mine).toMatchObject({ id: v.id, name: "Monthly by day" });
  expect(mine.query).toMatchObject({ preset: "this_month", from: null, to: null, userId: null, group2: "project" });
  const href = new URLSearchParams(viewHref(mine.query, "2026-12-07", 1).split("?")[1]);
  expect(Object.fromEntries(href)).toEqual({
    from: "2026-12-01",
    to: "2026-12-31",
    clientId: s.client.id,
    projectId: s.project.id,
    tag: "urgent",
    billable: "yes",
    group1: "day",
    group2: "project",
    type: "summary",
  });
  // Nobody else sees it, an administrator included, nor can rename or delete it.
  expect(await listReportViews(s.bob)).toEqual([]);
  expect(await listReportViews(s.admin)).toEqual([]);
  await rejects(renameReportView(s.bob, { id: v.id, name: "Mine now" }), "NOT_FOUND");
  await rejects(deleteReportView(s.admin, { id: v.id }), "NOT_FOUND");
  expect((await listReportViews(s.alice)).map((x) => x.name)).toEqual(["Monthly by day"]);
  // An admin's own view keeps its person filter and a custom range keeps its days.
  const a = await saveReportView(s.admin, { name: "Bob, Q1", from: "2026-01-01", to: "2026-03-31", userId: s.bob.id });
  expect(viewHref(a.query, "2026-12-07", 1)).toContain(`from=2026-01-01&to=2026-03-31&userId=${s.bob.id}`);
});

it("refuses bad input with field messages and a name used twice by the same person", async () => {
  await expect(saveReportView(s.bob, { name: "   " })).rejects.toThrow("Enter a name for the view.");
  await expect(saveReportView(s.bob, { name: "x".repeat(61) })).rejects.toThrow("At most 60 characters.");
  await expect(saveReportView(s.bob, { name: "ok", group1: "colour" as never })).rejects.toThrow();
  await expect(saveReportView(s.bob, { name: "ok", preset: "next_decade" as never })).rejects.toThrow();
  await expect(saveReportView(s.bob, { name: "ok", projectId: "not-an-id" })).rejects.toThrow("Choose a project.");
  await expect(saveReportView(s.bob, { name: "ok", from: "2026-02-30" })).rejects.toThrow();
  await expect(renameReportView(s.bob, { id: "nope", name: "x" })).rejects.toThrow();
  await saveReportView(s.bob, { name: "Weekly" });
  await expect(saveReportView(s.bob, { name: "Weekly" })).rejects.toMatchObject({
    code: "CONFLICT",
    fieldErrors: { name: [expect.stringContaining("another name")] },
  });
  // Another person may use the same name.
  await saveReportView(s.alice, { name: "Weekly" });
  const other = await saveReportView(s.bob, { name: "Other" });
  await expect(renameReportView(s.bob, { id: other.id, name: "Weekly" })).rejects.toMatchObject({ code: "CONFLICT" });
  await renameReportView(s.bob, { id: other.id, name: "Renamed" });
  expect((await listReportViews(s.bob)).map((v) => v.name)).toEqual(["Renamed", "Weekly"]);
});

it("a deleted view comes back with Undo, and a person keeps at most the cap", async () => {
  const v = await saveReportView(s.alice, { name: "Gone soon", preset: "last_week", group1: "user" });
  const deleted = await deleteReportView(s.alice, { id: v.id });
  expect((await listReportViews(s.alice)).some((x) => x.id === v.id)).toBe(false);
  await rejects(deleteReportView(s.alice, { id: v.id }), "NOT_FOUND");
  const back = await saveReportView(s.alice, { ...deleted.query, name: deleted.name });
  expect(back.query).toEqual(deleted.query);

  const have = await db().reportView.count({ where: { userId: s.bob.id } });
  for (let i = have; i < MAX_REPORT_VIEWS; i++) await saveReportView(s.bob, { name: `v${i}` });
  await expect(saveReportView(s.bob, { name: "one too many" })).rejects.toMatchObject({ code: "CONFLICT" });
  // Deleting the person deletes their views.
  await db().user.delete({ where: { id: s.bob.id } });
  expect(await db().reportView.count({ where: { userId: s.bob.id } })).toBe(0);
});
