// Serves the privacy-related docs shipped with this installation (plain Markdown text), so the
// wizard and the admin pages can link to them without internet access. A fixed list, nothing else.
import fs from "node:fs/promises";
import path from "node:path";
import { withRoute } from "@/lib/observability/with-route";

export const dynamic = "force-dynamic";

const DOCS = new Set(["privacy", "analytics", "events", "configuration", "setup-and-admin", "webhooks"]);

export const GET = withRoute(
  "/docs/[name]",
  async (_req: Request, { params }: { params: Promise<{ name: string }> }) => {
    const { name } = await params;
    if (!DOCS.has(name))
      return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    try {
      const text = await fs.readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), "docs", `${name}.md`), "utf8");
      return new Response(text, {
        headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
      });
    } catch {
      return new Response(`docs/${name}.md is not part of this installation yet.\n`, {
        status: 404,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
  },
);
