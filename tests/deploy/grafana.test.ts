// Grafana dashboards: provisioned datasource uids only, the panels the operator needs, and PromQL that
// names only metrics the app defines (the live check against real /metrics is npm run check:dashboards).
import { findDashboardProblems } from "@/scripts/lib/deploy/dashboard-checks";
import { allPanels, loadDashboards, panelQueries, provisionedDatasources } from "@/scripts/lib/deploy/dashboards";
import { metricNamesInPromQL } from "@/scripts/lib/deploy/promql";

// The metric set fixed by the observability spec (lib/observability/metrics.ts implements it).
const APP_METRICS = [
  "timetracker_http_requests_total",
  "timetracker_http_request_duration_seconds",
  "timetracker_server_actions_total",
  "timetracker_server_action_duration_seconds",
  "timetracker_db_query_duration_seconds",
  "timetracker_active_timers",
  "timetracker_users",
  "timetracker_time_entries_created_total",
  "timetracker_analytics_events_total",
  "timetracker_errors_total",
  "timetracker_build_info",
];
const defined = (m: string) =>
  APP_METRICS.includes(m.replace(/_(bucket|sum|count)$/, "")) ||
  APP_METRICS.includes(m) ||
  /^(process|nodejs)_/.test(m) ||
  /^timetracker_db_pool_/.test(m);

const dashboards = loadDashboards();
const byTitle = (t: string) => dashboards.find((d) => d.title === t)!;

describe("Grafana provisioning", () => {
  test("datasources have the fixed uids the dashboards use", () => {
    expect(Object.fromEntries(provisionedDatasources())).toEqual({ prometheus: "prometheus", loki: "loki" });
  });

  test("every panel and query uses a provisioned datasource of the right type", () => {
    expect(findDashboardProblems().problems).toEqual([]);
  });

  test("both dashboards exist with unique uids and no unresolved ${DS_...} inputs", () => {
    expect(dashboards.map((d) => d.title).sort()).toEqual(["TimeTracker — Logs", "TimeTracker — Overview"]);
    expect(new Set(dashboards.map((d) => d.uid)).size).toBe(dashboards.length);
    for (const d of dashboards) expect(JSON.stringify(d)).not.toMatch(/\$\{DS_|__inputs/);
    for (const d of dashboards) {
      const ids = allPanels(d.panels).map((p) => (p as { id?: number }).id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test("Overview PromQL names only metrics the app defines", () => {
    const unknown = panelQueries(byTitle("TimeTracker — Overview"))
      .flatMap((q) => metricNamesInPromQL(q.expr))
      .filter((m) => !defined(m));
    expect(unknown).toEqual([]);
  });

  test("Overview shows what the issue asks for", () => {
    const exprs = panelQueries(byTitle("TimeTracker — Overview")).map((q) => q.expr);
    const has = (re: RegExp) => exprs.some((e) => re.test(e));
    expect(
      has(
        /rate\(timetracker_http_requests_total\[.*by \(route\)|sum by \(route\) \(rate\(timetracker_http_requests_total/,
      ),
    ).toBe(true); // request rate
    expect(has(/status_class=~"5\.\."\}.*\/.*timetracker_http_requests_total/)).toBe(true); // error ratio
    expect(
      has(/histogram_quantile\(0\.95, sum by \(le, route\) \(rate\(timetracker_http_request_duration_seconds_bucket/),
    ).toBe(true);
    expect(has(/timetracker_server_actions_total/)).toBe(true);
    expect(has(/histogram_quantile\(0\.95,.*timetracker_db_query_duration_seconds_bucket/)).toBe(true);
    expect(has(/timetracker_active_timers/)).toBe(true);
    expect(has(/timetracker_time_entries_created_total/)).toBe(true);
    expect(has(/timetracker_analytics_events_total/)).toBe(true);
    expect(has(/process_cpu_seconds_total/)).toBe(true);
    expect(has(/process_resident_memory_bytes/)).toBe(true);
  });

  test("Logs: error lines, a request-id search and volume by level, with labels app and level only", () => {
    const logs = byTitle("TimeTracker — Logs");
    const exprs = panelQueries(logs).map((q) => q.expr);
    expect(exprs).toContain('{app="timetracker", level=~"error|fatal"}');
    expect(exprs.some((e) => /\| json \| request_id = "\$request_id"/.test(e))).toBe(true);
    expect(exprs.some((e) => /sum by \(level\) \(count_over_time\(\{app="timetracker"\}/.test(e))).toBe(true);
    expect(logs.templating?.list?.map((v) => v.name)).toContain("request_id");
  });
});
