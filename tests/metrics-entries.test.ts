// timetracker_time_entries_created_total and timetracker_active_timers move with real tracking. The
// entry and timer services count at the write, for every way an entry is created (manual, bulk,
// timer start/switch/restart, duplicate, the week grid's action, the JSON API), with product
// analytics refused and no analytics sink installed: the operational counter does not depend on events.
import { NextRequest } from "next/server";
import { metricsRegistry, initMetrics, initializeKnownSeries } from "@/lib/observability/metrics";
import { setProductAnalyticsAllowedResolver } from "@/lib/observability/analytics";
import { registerBusinessMetrics } from "@/lib/observability/business-metrics";
import { createBulkEntries, createManualEntry, duplicateEntry } from "@/lib/services/entries";
import { ensureInstallation } from "@/lib/services/installation";
import { restartEntry, startTimer, stopTimer, switchTimer } from "@/lib/services/timer";
import { db } from "@/lib/db";
import { addGridTimeAction } from "@/app/(app)/entries/actions";
import * as entriesApi from "@/app/api/v1/entries/route";
import * as timerApi from "@/app/api/v1/timer/route";
import { actAs, TEST_SECRET } from "./authz/session";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

jest.mock("next/headers", () => jest.requireActual("./authz/session").nextHeadersMock());
jest.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
process.env.NEXTAUTH_SECRET = TEST_SECRET;
process.env.NEXTAUTH_URL = "http://localhost";

setupTestDb();

async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await metricsRegistry().metrics();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(name) && want.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").at(-1)) : NaN;
}

const post = (url: string, body: unknown) =>
  new NextRequest(`http://localhost${url}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });

describe("entry metrics", () => {
  it("count entries created by source at the write, with analytics refused, and running timers at scrape time", async () => {
    // Metrics only: no installObservability(), so no analytics event sink, and consent says no.
    initMetrics();
    initializeKnownSeries();
    registerBusinessMetrics();
    setProductAnalyticsAllowedResolver(async () => false);
    await ensureInstallation();
    await db().installation.update({ where: { id: 1 }, data: { setupCompletedAt: new Date() } });
    const s = await seedTracking();
    const created = async () => ({
      timer: await sample("timetracker_time_entries_created_total", { source: "timer" }),
      manual: await sample("timetracker_time_entries_created_total", { source: "manual" }),
      bulk: await sample("timetracker_time_entries_created_total", { source: "bulk" }),
    });
    expect(await created()).toEqual({ timer: 0, manual: 0, bulk: 0 });

    await startTimer(s.alice, { projectId: s.project.id }); // timer 1
    await switchTimer(s.alice, { projectId: s.project.id, notes: "other" }); // timer 2
    await stopTimer(s.alice);
    await restartEntry(s.alice); // timer 3
    await stopTimer(s.alice);
    const manual = await createManualEntry(s.alice, { projectId: s.project.id, date: "2026-03-10", duration: "1h" });
    await duplicateEntry(s.alice, { id: manual.id }); // manual 2
    const bulk = await createBulkEntries(s.alice, {
      projectId: s.project.id,
      from: "2026-03-02",
      to: "2026-03-06",
      duration: "2h",
      skipWeekends: true,
    });
    await actAs(s.alice.id);
    const grid = await addGridTimeAction({
      projectId: s.project.id,
      taskId: null,
      date: "2026-03-11",
      duration: "30m",
    });
    expect(grid.ok).toBe(true); // manual 3
    const api = await entriesApi.POST(
      post("/api/v1/entries", { projectId: s.project.id, date: "2026-03-12", duration: "1h" }),
    );
    expect(api.status).toBe(201); // manual 4
    const apiTimer = await timerApi.POST(post("/api/v1/timer", { projectId: s.project.id }));
    expect(apiTimer.status).toBe(201); // timer 4

    expect(bulk.created).toBe(5);
    expect(await created()).toEqual({ timer: 4, manual: 4, bulk: 5 });
    expect(await db().timeEntry.count()).toBe(4 + 4 + 5);
    expect(await sample("timetracker_active_timers")).toBe(1);
  });
});
