// Clients, projects and tasks against a real database: uniqueness, rates, task status stamps,
// my-tasks and overdue filters, and who may delete what.
import { createClient, listClients, updateClient } from "@/lib/services/clients";
import { BUDGET_ALERT_MAX_AGE_MS, budgetAlerts, resetBudgetAlertCache } from "@/lib/services/budget-alerts";
import { dashboardData } from "@/lib/services/dashboard";
import { createManualEntry } from "@/lib/services/entries";
import { projectTotals } from "@/lib/services/project-stats";
import { createProject, deleteProject, getProject } from "@/lib/services/projects";
import { createTask, deleteTask, listTasks, setTaskStatus } from "@/lib/services/tasks";
import { setupTestDb } from "./helpers/db";
import { actionCodeOf } from "./helpers/errors";
import { seedTracking } from "./helpers/tracking";

setupTestDb();
let s: Awaited<ReturnType<typeof seedTracking>>;
beforeAll(async () => {
  s = await seedTracking();
});

describe("clients and projects", () => {
  it("refuses a duplicate client name with a field error", async () => {
    await expect(createClient(s.bob, { name: "Acme" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: expect.any(Array) },
    });
    const other = await createClient(s.bob, { name: "Globex", email: "" });
    await expect(updateClient(s.bob, { id: other.id, name: "Acme" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await listClients(s.bob)).map((c) => c.name)).toEqual(["Acme", "Globex"]);
  });

  it("uses the project's rate, else the client's default, and alerts at the budget threshold", async () => {
    const p = await createProject(s.alice, {
      clientId: s.client.id,
      name: "Budgeted",
      hourlyRateCents: "50",
      budgetCents: "100",
      budgetAlertPercent: 80,
    });
    expect((await getProject(s.alice, p.id)).effectiveRateCents).toBe(5000);
    expect(s.project.effectiveRateCents).toBe(10000);
    await createManualEntry(s.alice, { projectId: p.id, date: "2026-03-10", duration: "1h 45m" });
    const [t] = await projectTotals(s.alice, [p.id]);
    expect(t.amountCents).toBe(8750);
    expect(t.consumedPercent).toBe(87.5);
    expect(t.alert).toBe(true);
    // The dashboard raises it (it only sums projects that have a budget or an estimate).
    expect((await dashboardData(s.bob)).alerts.map((a) => a.projectId)).toEqual([p.id]);
    await expect(deleteProject(s.admin, { id: p.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const empty = await createProject(s.alice, { clientId: s.client.id, name: "Empty" });
    await deleteProject(s.admin, { id: empty.id });
    await expect(getProject(s.admin, empty.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("dashboard budget alerts", () => {
  it("sum only budgeted projects, and may lag an entry by at most 30 s", async () => {
    resetBudgetAlertCache();
    const p = await createProject(s.alice, { clientId: s.client.id, name: "Capped", budgetCents: "100" });
    const t0 = Date.now();
    expect(await budgetAlerts(s.alice, [p], t0)).toEqual([]);
    await createManualEntry(s.alice, { projectId: p.id, date: "2026-03-11", duration: "2h" });
    expect(await budgetAlerts(s.alice, [p], t0 + BUDGET_ALERT_MAX_AGE_MS - 1)).toEqual([]); // still the cached totals
    const [alert] = await budgetAlerts(s.alice, [p], t0 + BUDGET_ALERT_MAX_AGE_MS);
    expect(alert).toMatchObject({ projectId: p.id, alert: true });
    // A project without a budget or an estimate is never summed, whatever it holds.
    expect(await budgetAlerts(s.alice, [s.project], t0)).toEqual([]);
  });
});

describe("tasks", () => {
  it("stamps start and completion as the status moves, and reopening clears completion", async () => {
    const t = await createTask(s.bob, { projectId: s.project.id, name: "Logo" });
    const started = await setTaskStatus(s.alice, { id: t.id, status: "in_progress" });
    expect(started.startedAt).toBeInstanceOf(Date);
    const done = await setTaskStatus(s.alice, { id: t.id, status: "done" });
    expect(done.completedAt).toBeInstanceOf(Date);
    const reopened = await setTaskStatus(s.alice, { id: t.id, status: "review" });
    expect(reopened.completedAt).toBeNull();
    expect(reopened.startedAt).toEqual(started.startedAt);
    await expect(actionCodeOf(setTaskStatus(s.alice, { id: t.id, status: "nope" as never }))).resolves.toBe(
      "VALIDATION",
    );
  });

  it("lists my tasks and overdue ones", async () => {
    await createTask(s.alice, {
      projectId: s.project.id,
      name: "Mine late",
      assigneeId: s.alice.id,
      dueDate: "2026-01-01",
    });
    await createTask(s.alice, { projectId: s.project.id, name: "Done late", dueDate: "2026-01-01", status: "done" });
    expect((await listTasks(s.alice, { assigneeId: s.alice.id })).map((t) => t.name)).toEqual(["Mine late"]);
    expect((await listTasks(s.alice, { overdueBefore: "2026-02-01" })).map((t) => t.name)).toEqual(["Mine late"]);
  });

  it("only the creator or an admin deletes a task", async () => {
    const t = await createTask(s.bob, { projectId: s.project.id, name: "Bob's" });
    await expect(deleteTask(s.alice, { id: t.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteTask(s.bob, { id: t.id });
    const t2 = await createTask(s.bob, { projectId: s.project.id, name: "Bob's 2" });
    await deleteTask(s.admin, { id: t2.id });
  });
});
