// "Start first, details later": a timer or a manual entry without a project is stored, shows in
// the week and the summary report under "No project" (with the same totals as any other group),
// gets its project later, and a task alone brings its project along.
import { AppError } from "@/lib/errors";
import { createManualEntry, getEntry, updateEntry } from "@/lib/services/entries";
import { summaryReport } from "@/lib/services/reports";
import { startTimer, stopTimer } from "@/lib/services/timer";
import { weekData } from "@/lib/services/week";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

const testDb = setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;

beforeEach(async () => {
  await testDb.current().truncate();
  s = await seedTracking();
});

describe("entries without a project", () => {
  it("a timer starts and stops with nothing but a description", async () => {
    const started = await startTimer(s.alice, { notes: "thinking" });
    expect(started).toMatchObject({ projectId: null, projectName: null, clientName: null, taskId: null });
    expect(started.billable).toBe(true);
    const stopped = await stopTimer(s.alice);
    expect(stopped).toMatchObject({ id: started.id, projectId: null, notes: "thinking" });
  });

  it("shows under No project in the summary and as its own week row, beside project time", async () => {
    const day = { date: "2026-03-02", startTime: "09:00" };
    await createManualEntry(s.alice, { ...day, duration: "1h" });
    await createManualEntry(s.alice, { ...day, startTime: "11:00", duration: "2h", projectId: s.project.id });
    const byProject = await summaryReport(s.alice, { from: "2026-03-01", to: "2026-03-07", group1: "project" }, "UTC");
    expect(byProject.rows.map((r) => [r.key1, r.label1, r.seconds])).toEqual([
      ["", "No project", 3600],
      [s.project.id, "Website", 7200],
    ]);
    expect(byProject.totals.seconds).toBe(3 * 3600);
    // The project's client rate (100.00/h) applies to its 2 h; the hour without a project earns nothing.
    expect(byProject.totals.amountCents).toBe(20000);
    const byClient = await summaryReport(s.alice, { from: "2026-03-01", to: "2026-03-07", group1: "client" }, "UTC");
    expect(byClient.rows.map((r) => r.label1)).toEqual(["No client", s.client.name]);
    const week = await weekData(s.alice, "2026-03-02", "UTC");
    expect(week.cells).toEqual(
      expect.arrayContaining([expect.objectContaining({ projectId: null, projectName: null, seconds: 3600 })]),
    );
    expect(week.totalSeconds).toBe(3 * 3600);
  });

  it("gets its project later, and a task alone means its project", async () => {
    const e = await createManualEntry(s.alice, { date: "2026-03-02", duration: "30m", notes: "call" });
    const later = await updateEntry(s.alice, {
      id: e.id,
      projectId: s.project.id,
      date: "2026-03-02",
      startTime: "09:00",
      duration: "30m",
      notes: "call",
    });
    expect(later).toMatchObject({ projectId: s.project.id, projectName: "Website", clientName: s.client.name });
    const withTask = await startTimer(s.alice, { taskId: s.task.id });
    expect(withTask).toMatchObject({ projectId: s.project.id, taskId: s.task.id });
    expect((await getEntry(s.alice, withTask.id)).projectName).toBe("Website");
  });

  it("still refuses a task that does not exist", async () => {
    const unknown = await startTimer(s.alice, { taskId: "00000000-0000-4000-8000-000000000000" }).catch((e) => e);
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).fieldErrors).toHaveProperty("taskId");
  });
});
