// Liveness: the process answers. Never touches the database.
import { withRoute } from "@/lib/observability/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute("/api/health", () =>
  Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }),
);
