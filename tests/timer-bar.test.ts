// The timer bar's services against a real database: the running entry edited in place (its start
// kept), discard with nothing left behind, both only ever on the caller's own timer; picker options
// with recent projects first and only the caller's own tags; a project typed into the picker.
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import { createManualEntry } from "@/lib/services/entries";
import { createProject } from "@/lib/services/projects";
import { createQuickProject } from "@/lib/services/quick-project";
import { startTimer } from "@/lib/services/timer";
import { discardRunningEntry, updateRunningEntry } from "@/lib/services/timer-edit";
import { timerOptions } from "@/lib/services/timer-options";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
});

const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe("timer bar", () => {
  it("edits the running entry in place: description, project (task cleared), tags, billable; start kept", async () => {
    const started = await startTimer(s.alice, { projectId: s.project.id, taskId: s.task.id, notes: "draft" });
    const other = await createProject(s.alice, { clientId: s.client.id, name: "Intranet" });
    const e = await updateRunningEntry(s.alice, { notes: "final", projectId: other.id, tags: ["deep work"] });
    expect(e).toMatchObject({ id: started.id, notes: "final", projectId: other.id, taskId: null, end: null });
    expect(e.tags).toEqual(["deep work"]);
    expect(e.start).toEqual(started.start);
    const cleared = await updateRunningEntry(s.alice, { projectId: null, billable: false });
    expect(cleared).toMatchObject({ projectId: null, projectName: null, billable: false, notes: "final" });
  });

  it("never touches someone else's timer, and says so when nothing runs", async () => {
    const alices = await startTimer(s.alice, { notes: "mine" });
    expect(codeOf(await updateRunningEntry(s.bob, { notes: "hijack" }).catch((e) => e))).toBe("NOT_FOUND");
    expect(await discardRunningEntry(s.bob)).toBeNull();
    const row = await db().timeEntry.findUniqueOrThrow({ where: { id: alices.id } });
    expect(row).toMatchObject({ notes: "mine", end: null });
  });

  it("discard deletes the running entry and its tags, and nothing else", async () => {
    const done = await createManualEntry(s.alice, { date: "2026-03-02", duration: "1h" });
    const running = await startTimer(s.alice, { notes: "oops", tags: ["x"] });
    expect(await discardRunningEntry(s.alice)).toEqual({ id: running.id });
    expect(await db().timeEntry.findUnique({ where: { id: running.id } })).toBeNull();
    expect(await db().timeEntryTag.count({ where: { entryId: running.id } })).toBe(0);
    expect(await db().timeEntry.findUnique({ where: { id: done.id } })).not.toBeNull();
    expect(await discardRunningEntry(s.alice)).toBeNull();
  });

  it("offers recent projects first and only the caller's own tags", async () => {
    const older = await createProject(s.alice, { clientId: s.client.id, name: "Older" });
    await createManualEntry(s.alice, { date: "2026-03-02", duration: "1h", projectId: older.id, tags: ["alpha"] });
    await createManualEntry(s.alice, { date: "2026-03-03", duration: "1h", projectId: s.project.id });
    await createManualEntry(s.bob, { date: "2026-03-03", duration: "1h", tags: ["bobs-secret"] });
    const o = await timerOptions(s.alice);
    expect(o.recentProjectIds).toEqual([s.project.id, older.id]);
    expect(o.tags).toEqual(["alpha"]);
    expect(o.projects.map((p) => p.name).sort()).toEqual(["Older", "Website"]);
    expect(o.tasks).toEqual([{ id: s.task.id, projectId: s.project.id, name: "Design" }]);
  });

  it("creates a project from the picker, under a new client when there is none", async () => {
    const p = await createQuickProject(s.alice, { name: "Garden", clientName: "Neighbours" });
    expect(p).toMatchObject({ name: "Garden", clientName: "Neighbours" });
    const q = await createQuickProject(s.alice, { name: "Shed", clientId: p.clientId });
    expect(q.clientId).toBe(p.clientId);
    await expect(createQuickProject(s.alice, { name: "Nowhere" })).rejects.toThrow(/Choose a client/);
  });
});
