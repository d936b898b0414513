// Prometheus exposition of this process's metrics. Open unless METRICS_TOKEN is set (docs/metrics.md).
import { env } from "@/lib/env";
import { registerBusinessMetrics } from "@/lib/observability/business-metrics";
import { metricsAuthorized } from "@/lib/observability/metrics-auth";
import { initMetrics, metricsRegistry } from "@/lib/observability/metrics";
import { withRoute } from "@/lib/observability/with-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRoute("/metrics", async (req: Request) => {
  if (!metricsAuthorized(env().METRICS_TOKEN, req.headers.get("authorization"))) {
    return new Response("Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n", {
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" },
    });
  }
  initMetrics();
  registerBusinessMetrics();
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
