// The timer against a real database: one running entry per user even under concurrent starts,
// stop/resume/switch, idle handling and rounding.
import { AppError } from "@/lib/errors";
import { updateOrgSettings } from "@/lib/services/settings";
import { getRunningEntry, resolveIdle, restartEntry, startTimer, stopTimer, switchTimer } from "@/lib/services/timer";
import { setProjectArchived } from "@/lib/services/projects";
import { createTask } from "@/lib/services/tasks";
import { createProject } from "@/lib/services/projects";
import { db } from "@/lib/db";
import { onDbQuery } from "@/lib/observability/db-hooks";
import { setupTestDb } from "./helpers/db";
import { sqlStateOf } from "./helpers/errors";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
});

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe("timer", () => {
  it("concurrent starts leave exactly one running entry", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => startTimer(s.alice, { projectId: s.project.id })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(codeOf(r.reason)).toBe("CONFLICT");
    expect(await db().timeEntry.count({ where: { userId: s.alice.id, end: null } })).toBe(1);
  });

  it("the database itself refuses a second running entry and end before start", async () => {
    const base = { userId: s.alice.id, projectId: s.project.id };
    await db().timeEntry.create({ data: { ...base, start: new Date() } });
    await expect(sqlStateOf(db().timeEntry.create({ data: { ...base, start: new Date() } }))).resolves.toBe("23505");
    const start = new Date("2026-01-01T10:00:00Z");
    await expect(
      sqlStateOf(db().timeEntry.create({ data: { ...base, start, end: new Date("2026-01-01T09:00:00Z") } })),
    ).resolves.toBe("23514");
  });

  it("a second start says to switch instead", async () => {
    await startTimer(s.alice, { projectId: s.project.id });
    await expect(startTimer(s.alice, { projectId: s.project.id })).rejects.toThrow(/switch/);
  });

  it("a start reads nothing to find a running timer: the database's index refuses the second one", async () => {
    let ops: string[] = [];
    let recording = true;
    onDbQuery((model, operation) => void (recording && ops.push(`${model}.${operation}`)));
    await startTimer(s.alice, { projectId: s.project.id });
    const first = ops;
    ops = [];
    await expect(startTimer(s.alice, { projectId: s.project.id })).rejects.toMatchObject({ code: "CONFLICT" });
    recording = false;
    // The live-sync notice (pg_notify on PostgreSQL, raw.query) goes out after the commit, unawaited.
    const model = (xs: string[]) => xs.filter((o) => !o.startsWith("raw."));
    // The project; the insert; the endpoints subscribed to timer.started; the entry as the API answers it.
    expect(model(first)).toEqual([
      "Project.findUnique",
      "TimeEntry.create",
      "WebhookEndpoint.findMany",
      "TimeEntry.findUniqueOrThrow",
    ]);
    // The second start got as far as the insert, which the partial unique index refused.
    expect(model(ops)).toEqual(["Project.findUnique", "TimeEntry.create"]);
    expect(await db().timeEntry.count({ where: { userId: s.alice.id, end: null } })).toBe(1);
  });

  it("billable defaults from the project, tags are stored as a relation", async () => {
    const e = await startTimer(s.alice, {
      projectId: s.project.id,
      taskId: s.task.id,
      tags: "design, urgent",
      notes: "x",
    });
    expect(e.billable).toBe(true);
    expect(e.tags).toEqual(["design", "urgent"]);
    expect(await db().timeEntryTag.count()).toBe(2);
  });

  it("refuses archived projects and tasks of other projects", async () => {
    const other = await createProject(s.alice, { clientId: s.client.id, name: "Other" });
    const t2 = await createTask(s.alice, { projectId: other.id, name: "Elsewhere" });
    await expect(startTimer(s.alice, { projectId: s.project.id, taskId: t2.id })).rejects.toMatchObject({
      fieldErrors: { taskId: expect.any(Array) },
    });
    await setProjectArchived(s.alice, { id: other.id, archived: true });
    await expect(startTimer(s.alice, { projectId: other.id })).rejects.toMatchObject({
      fieldErrors: { projectId: expect.any(Array) },
    });
  });

  it("stops, resumes the last entry, and switches atomically", async () => {
    await startTimer(s.alice, { projectId: s.project.id, notes: "first" });
    const stopped = await stopTimer(s.alice);
    expect(stopped?.end).not.toBeNull();
    expect(await getRunningEntry(s.alice)).toBeNull();
    const resumed = await restartEntry(s.alice);
    expect(resumed.notes).toBe("first");
    const other = await createProject(s.alice, { clientId: s.client.id, name: "Other", billable: false });
    const { stopped: prev, started } = await switchTimer(s.alice, { projectId: other.id });
    expect(prev?.id).toBe(resumed.id);
    expect(started.billable).toBe(false);
    expect(await db().timeEntry.count({ where: { end: null } })).toBe(1);
  });

  it("stops at a given time and rounds by the org settings", async () => {
    await updateOrgSettings(s.admin, { roundingMinutes: 15, roundingMode: "up" });
    const e = await startTimer(s.alice, { projectId: s.project.id });
    await db().timeEntry.update({ where: { id: e.id }, data: { start: new Date(Date.now() - 40 * 60_000) } });
    const stopped = await stopTimer(s.alice, { at: new Date(Date.now() - 33 * 60_000) });
    expect(stopped?.durationSeconds).toBe(15 * 60);
    await updateOrgSettings(s.admin, { roundingMinutes: 0 });
  });

  it("idle: discard drops only the idle gap; stop ends at the last activity", async () => {
    const e = await startTimer(s.alice, { projectId: s.project.id, notes: "deep work" });
    await db().timeEntry.update({ where: { id: e.id }, data: { start: new Date(Date.now() - 60 * 60_000) } });
    const restarted = await resolveIdle(s.alice, {
      action: "discard_idle",
      lastActivityAt: new Date(Date.now() - 20 * 60_000),
    });
    expect(restarted?.notes).toBe("deep work");
    const first = await db().timeEntry.findUniqueOrThrow({ where: { id: e.id } });
    expect(Math.round((first.end!.getTime() - first.start.getTime()) / 60000)).toBe(40);
    await db().timeEntry.update({ where: { id: restarted!.id }, data: { start: new Date(Date.now() - 30 * 60_000) } });
    expect(
      await resolveIdle(s.alice, {
        action: "stop_at_last_activity",
        lastActivityAt: new Date(Date.now() - 10 * 60_000),
      }),
    ).toBeNull();
    expect(await getRunningEntry(s.alice)).toBeNull();
  });

  it("users cannot read or stop someone else's timer; admins can", async () => {
    await startTimer(s.alice, { projectId: s.project.id });
    await expect(getRunningEntry(s.bob, s.alice.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(stopTimer(s.bob, { userId: s.alice.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stopTimer(s.bob)).toBeNull();
    expect(await stopTimer(s.admin, { userId: s.alice.id })).not.toBeNull();
  });
});
