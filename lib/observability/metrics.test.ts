// Next loads lib/observability/metrics.ts into several module graphs (instrumentation, routes, pages)
// and re-evaluates it on dev reloads: every copy must share one registry and one set of metrics.
type MetricsModule = typeof import("./metrics");

function freshCopy(): MetricsModule {
  let mod: MetricsModule | undefined;
  jest.isolateModules(() => {
    mod = jest.requireActual<MetricsModule>("./metrics");
  });
  return mod!;
}

test("two separately loaded copies of the module share one registry and its counters", async () => {
  const a = freshCopy();
  const b = freshCopy();
  expect(a).not.toBe(b);
  expect(a.metricsRegistry()).toBe(b.metricsRegistry());
  a.initMetrics();
  b.initMetrics(); // no "already registered" error, no second set of default metrics
  a.incrementTimeEntriesCreated("manual");
  b.incrementTimeEntriesCreated("manual", 2);
  const text = await b.metricsRegistry().metrics();
  expect(text).toContain('timetracker_time_entries_created_total{source="manual"} 3');
  expect(text.match(/^# TYPE process_cpu_user_seconds_total/gm)).toHaveLength(1);
});

test("status classes and methods are bounded", () => {
  const m = freshCopy();
  expect([m.statusClass(204), m.statusClass(503), m.statusClass(42)]).toEqual(["2xx", "5xx", "unknown"]);
  expect([m.methodLabel("get"), m.methodLabel("PROPFIND")]).toEqual(["GET", "OTHER"]);
});
