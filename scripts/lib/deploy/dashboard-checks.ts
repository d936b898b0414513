// The dashboard checks shared by the Jest test (static) and check:dashboards (against real /metrics).
import { loadDashboards, panelQueries, provisionedDatasources } from "./dashboards";
import { isExposed, metricNamesInPromQL, type Exposition } from "./promql";

/** Problems with datasource uids; with an exposition, also PromQL metrics the app does not expose. */
export function findDashboardProblems(expo?: Exposition): {
  problems: string[];
  checked: { queries: number; metrics: number };
} {
  const ds = provisionedDatasources();
  const problems: string[] = [];
  const metrics = new Set<string>();
  let queries = 0;
  for (const d of loadDashboards()) {
    for (const q of panelQueries(d)) {
      queries++;
      const where = `${d.file} › "${q.panel}"`;
      const uid = q.datasource?.uid;
      if (!uid || !ds.has(uid)) {
        problems.push(`${where}: datasource uid ${uid ?? "(none)"} is not provisioned`);
        continue;
      }
      if (q.datasource?.type && q.datasource.type !== ds.get(uid))
        problems.push(`${where}: datasource type ${q.datasource.type} ≠ ${ds.get(uid)}`);
      if (!q.expr.trim()) problems.push(`${where}: empty query`);
      if (ds.get(uid) !== "prometheus") continue;
      for (const m of metricNamesInPromQL(q.expr)) {
        metrics.add(m);
        if (expo && !isExposed(m, expo)) problems.push(`${where}: metric ${m} is not exposed by the app's /metrics`);
      }
    }
  }
  return { problems, checked: { queries, metrics: metrics.size } };
}
