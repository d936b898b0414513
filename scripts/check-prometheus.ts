// `npm run check:prometheus -- [--app URL] [--token T] [--port N]`: `promtool check config` on
// docker/prometheus/prometheus.yml; with --app, also runs the real Prometheus against that running
// app (target and token file rewritten) and asserts the target is up, timetracker_build_info is stored
// and requests show up in timetracker_http_requests_total. (test:smoke --prometheus does both on its own server.)
import { parseArgs } from "node:util";
import { freePort } from "./lib/deploy/http";
import { checkScrapesWithPrometheus, promtoolCheck } from "./lib/deploy/prometheus-run";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { app: { type: "string" }, token: { type: "string" }, port: { type: "string" } },
  });
  promtoolCheck();
  console.log("check:prometheus: promtool check config passed");
  if (!values.app) return;
  const port = Number(values.port ?? process.env.PROMETHEUS_PORT ?? (await freePort()));
  await checkScrapesWithPrometheus(
    { appUrl: values.app, token: values.token ?? process.env.METRICS_TOKEN, port },
    (s) => console.log(`check:prometheus: ${s}`),
  );
  console.log("check:prometheus: all checks passed");
}

main().catch((err: unknown) => {
  console.error(`check:prometheus: FAILED: ${(err as Error).message}`);
  process.exit(1);
});
