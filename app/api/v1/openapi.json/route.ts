// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document (lib/api/openapi.ts). Public: it
// describes the API, holds no data, and answers everyone alike.
import { openApiDocument } from "@/lib/api/openapi";
import { withRoute } from "@/lib/observability/with-route";
import { APP_VERSION } from "@/lib/version";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const GET = withRoute("/api/v1/openapi.json", async () =>
  Response.json(openApiDocument(APP_VERSION), { headers: { "cache-control": "public, max-age=300" } }),
);
