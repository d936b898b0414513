// Counts a server render of a signed-in page in timetracker_page_renders_total, by SECTION, e.g.
// "/timer" (unknown paths count as "/other" to keep labels bounded). No log line: the request's one
// access-log line, with status and duration, comes from lib/observability/access-log.ts.
import "server-only";
import { headers } from "next/headers";
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
  } catch {
    // Observing a render never breaks it.
  }
}
