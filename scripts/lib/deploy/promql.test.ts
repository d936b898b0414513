// Metric names out of PromQL, and families out of the exposition format, as the dashboard check needs.
import { isExposed, metricNamesInPromQL, parseExposition } from "./promql";

describe("metricNamesInPromQL", () => {
  test.each([
    [
      'sum by (route) (rate(timetracker_http_requests_total{status_class=~"5.."}[$__rate_interval]))',
      ["timetracker_http_requests_total"],
    ],
    ["histogram_quantile(0.95, sum by (le, route) (rate(x_seconds_bucket[5m])))", ["x_seconds_bucket"]],
    ["a_total / ignoring(code) group_left b_total offset 5m", ["a_total", "b_total"]],
    ['max by (version, commit) (timetracker_build_info{job="timetracker"})', ["timetracker_build_info"]],
    ["sum(increase(c_total[$__range])) * 60 and on (instance) up", ["c_total", "up"]],
    ['label_replace(m, "dst", "$1", "src", "(.*)")', ["m"]],
    ["rate(process_cpu_seconds_total[1m:10s])", ["process_cpu_seconds_total"]],
  ])("%s", (expr, names) => {
    expect(metricNamesInPromQL(expr).sort()).toEqual([...names].sort());
  });
});

describe("exposition", () => {
  const expo = parseExposition(
    [
      "# HELP h_seconds d",
      "# TYPE h_seconds histogram",
      "# HELP c_total c",
      "# TYPE c_total counter",
      'c_total{a="1"} 3',
      "# TYPE g gauge",
    ].join("\n"),
  );
  test("histogram series, counters without samples yet, gauges", () => {
    for (const n of ["h_seconds_bucket", "h_seconds_sum", "h_seconds_count", "c_total", "g"])
      expect(isExposed(n, expo)).toBe(true);
    for (const n of ["g_bucket", "missing_total", "c_total_bucket"]) expect(isExposed(n, expo)).toBe(false);
  });
});
