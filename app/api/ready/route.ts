// Readiness: 200 when the database answers; 503 while draining (SIGTERM) or when the database does not.
import { checkReadiness } from "@/lib/services/health";
import { logger } from "@/lib/observability/logger";
import { withRoute } from "@/lib/observability/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/ready", async () => {
  const res = await checkReadiness();
  if (res.ready)
    return Response.json({ status: "ready", database: res.database }, { headers: { "cache-control": "no-store" } });
  // Draining after SIGTERM is no failure: the load balancer takes this instance out of rotation.
  if (res.reason === "draining")
    return Response.json({ status: "draining" }, { status: 503, headers: { "cache-control": "no-store" } });
  logger().error({ event: "ready.failed", reason: res.reason }, "readiness check failed");
  // The reason names the failing dependency, never credentials (the URL is not part of it).
  return Response.json(
    { status: "unavailable", reason: "database unavailable" },
    { status: 503, headers: { "cache-control": "no-store" } },
  );
});
