// timetracker_time_entries_created_total and timetracker_active_timers move with real tracking:
// a timer start, a manual entry and a bulk entry, through the services and track().
import { metricsRegistry } from "@/lib/observability/metrics";
import { registerBusinessMetrics } from "@/lib/observability/business-metrics";
import { installObservability } from "@/lib/observability/setup";
import { createBulkEntries, createManualEntry } from "@/lib/services/entries";
import { startTimer } from "@/lib/services/timer";
import { setupTestDb } from "./helpers/db";
import { seedTracking } from "./helpers/tracking";

setupTestDb();

async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await metricsRegistry().metrics();
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(name) && want.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").at(-1)) : NaN;
}

describe("entry metrics", () => {
  it("count entries created by source, and running timers at scrape time", async () => {
    installObservability();
    registerBusinessMetrics();
    const s = await seedTracking();
    const created = (source: string) => sample("timetracker_time_entries_created_total", { source });
    const before = { timer: await created("timer"), manual: await created("manual"), bulk: await created("bulk") };
    expect(before).toEqual({ timer: 0, manual: 0, bulk: 0 });

    await startTimer(s.alice, { projectId: s.project.id });
    await createManualEntry(s.alice, { projectId: s.project.id, date: "2026-03-10", duration: "1h" } as never);
    const bulk = await createBulkEntries(s.alice, {
      projectId: s.project.id,
      from: "2026-03-02",
      to: "2026-03-06",
      duration: "2h",
      skipWeekends: true,
    } as never);

    expect(await created("timer")).toBe(1);
    expect(await created("manual")).toBe(1);
    expect(await created("bulk")).toBe(bulk.created);
    expect(bulk.created).toBeGreaterThan(1);
    expect(await sample("timetracker_active_timers")).toBe(1);
  });
});
