// Records a server render of a signed-in page: one log line and timetracker_page_renders_total.
// Pages have no wrapper that sees the final status, so this is a count of renders (full loads and
// refreshes) by SECTION, e.g. "/timer"; unknown paths count as "/other" to keep labels bounded.
import "server-only";
import { headers } from "next/headers";
import { logger } from "./logger";
import { pageRenders } from "./metrics";

const SECTIONS = new Set([
  "timer",
  "entries",
  "projects",
  "clients",
  "tasks",
  "reports",
  "profile",
  "admin",
  "settings",
]);

export function pageSection(pathname: string): string {
  const first = pathname.split("/").filter(Boolean)[0];
  if (!first) return "/";
  return SECTIONS.has(first) ? `/${first}` : "/other";
}

export async function recordPageRender(): Promise<void> {
  try {
    const h = await headers();
    const route = pageSection(h.get("x-tt-pathname") ?? "/");
    pageRenders().inc({ route });
    logger().info(
      { event: "page.render", request_id: h.get("x-request-id") ?? undefined, route, method: "GET" },
      "page render",
    );
  } catch {
    // Observing a render never breaks it.
  }
}
