// Walks Grafana dashboard JSON: every panel, its datasource and its query expressions.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";

export interface DatasourceRef {
  type?: string;
  uid?: string;
}
export interface PanelQuery {
  dashboard: string;
  panel: string;
  datasource: DatasourceRef | undefined;
  expr: string;
}
interface Panel {
  title?: string;
  type?: string;
  datasource?: DatasourceRef;
  targets?: { expr?: string; datasource?: DatasourceRef }[];
  panels?: Panel[];
}
export interface Dashboard {
  file: string;
  title: string;
  uid: string;
  panels: Panel[];
  templating?: { list?: { name: string; type: string; datasource?: DatasourceRef; query?: unknown }[] };
}

export const GRAFANA_DIR = path.resolve(__dirname, "../../../docker/grafana");

export function loadDashboards(dir = path.join(GRAFANA_DIR, "dashboards")): Dashboard[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => ({ file: f, ...(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as Omit<Dashboard, "file">) }));
}

/** Provisioned datasources: uid → type. */
export function provisionedDatasources(dir = path.join(GRAFANA_DIR, "provisioning/datasources")): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const doc = YAML.parse(fs.readFileSync(path.join(dir, f), "utf8")) as {
      datasources?: { uid: string; type: string }[];
    };
    for (const ds of doc.datasources ?? []) out.set(ds.uid, ds.type);
  }
  return out;
}

export function allPanels(panels: Panel[]): Panel[] {
  return panels.flatMap((p) => [p, ...allPanels(p.panels ?? [])]);
}

/** Every query of every panel, with the datasource that runs it (the target's, else the panel's). */
export function panelQueries(d: Dashboard): PanelQuery[] {
  return allPanels(d.panels)
    .filter((p) => p.type !== "row")
    .flatMap((p) =>
      (p.targets ?? []).map((t) => ({
        dashboard: d.title,
        panel: p.title ?? "(untitled)",
        datasource: t.datasource ?? p.datasource,
        expr: t.expr ?? "",
      })),
    );
}
