// The entry and timer forms through their server actions (defineAction) as a browser posts them:
// the billable select is tri-state ("default" = the project's flag), an unticked checkbox is absent
// from the form, and saving an edit goes back to the list.
import { db } from "@/lib/db";
import { createProject } from "@/lib/services/projects";
import { bulkEntryAction, createEntryAction, updateEntryAction } from "@/app/(app)/entries/actions";
import { startTimerAction, stopTimerAction } from "@/app/(app)/timer/actions";
import { fd, seedInstalledFixture, type Fixture } from "./authz/inputs";
import { actAs, TEST_SECRET } from "./authz/session";
import { setupTestDb } from "./helpers/db";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();
let f: Fixture;
let unbilled: { id: string };
beforeAll(async () => {
  f = await seedInstalledFixture(); // f.project is billable
  unbilled = await createProject(f.alice, { clientId: f.client.id, name: "Internal", billable: false });
  await actAs(f.alice.id);
});

const billableOf = async (notes: string) =>
  (await db().timeEntry.findFirstOrThrow({ where: { notes }, select: { billable: true } })).billable;

it("the billable select: project default, on, off; a form without the field is not billable", async () => {
  const add = (projectId: string, notes: string, billable?: string) =>
    createEntryAction(
      null,
      fd({ projectId, date: "2026-02-02", duration: "1h", notes, ...(billable ? { billable } : {}) }),
    );
  expect(await add(f.project.id, "d1", "default")).toMatchObject({ ok: true });
  expect(await add(unbilled.id, "d2", "default")).toMatchObject({ ok: true });
  expect(await add(unbilled.id, "on", "on")).toMatchObject({ ok: true });
  expect(await add(f.project.id, "off", "off")).toMatchObject({ ok: true });
  expect(await add(f.project.id, "absent")).toMatchObject({ ok: true });
  expect([await billableOf("d1"), await billableOf("d2"), await billableOf("on")]).toEqual([true, false, true]);
  expect([await billableOf("off"), await billableOf("absent")]).toEqual([false, false]);

  expect(await startTimerAction(null, fd({ projectId: unbilled.id, notes: "t1", billable: "default" }))).toMatchObject({
    ok: true,
  });
  expect(await billableOf("t1")).toBe(false);
  expect(await stopTimerAction({})).toMatchObject({ ok: true });
});

it("bulk entry: an unticked 'Skip weekends' box includes the weekend", async () => {
  const week = { projectId: f.project.id, from: "2026-02-09", to: "2026-02-15", duration: "1h", billable: "default" };
  expect(await bulkEntryAction(null, fd({ ...week, notes: "skip", skipWeekends: "on" }))).toEqual({
    ok: true,
    data: { created: 5 },
  });
  expect(await bulkEntryAction(null, fd({ ...week, notes: "all" }))).toEqual({ ok: true, data: { created: 7 } });
});

it("saving an edit redirects to the list, flagging an overlap", async () => {
  const entry = { projectId: f.project.id, date: "2026-03-02", billable: "default" };
  await createEntryAction(null, fd({ ...entry, startTime: "09:00", endTime: "10:00", notes: "first" }));
  await createEntryAction(null, fd({ ...entry, startTime: "11:00", endTime: "12:00", notes: "second" }));
  const second = await db().timeEntry.findFirstOrThrow({ where: { notes: "second" } });
  const edit = fd({ ...entry, id: second.id, startTime: "09:30", endTime: "10:30", notes: "moved" });
  await expect(updateEntryAction(null, edit)).rejects.toMatchObject({
    digest: expect.stringContaining("/entries?saved=1&overlap=1"),
  });
  expect(await billableOf("moved")).toBe(true);
});
