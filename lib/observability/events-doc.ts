// Renders docs/events.md from the event catalog (npm run docs:events writes it; a test fails when
// the committed file differs). Pure: no I/O.
import { z } from "zod";
import { EVENTS, type EventName } from "./events";

type JsonSchema = { type?: string; format?: string; enum?: unknown[]; anyOf?: JsonSchema[]; minimum?: number };

function describeType(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(describeType).join(" or ");
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (s.format === "uuid") return "internal id (UUID)";
  if (s.type === "integer") return s.minimum === 0 ? "count (integer ≥ 0)" : "integer";
  if (s.type === "null") return "null";
  return s.type ?? "value";
}

export function renderEventsDoc(): string {
  const names = Object.keys(EVENTS).sort() as EventName[];
  const lines = [
    "# Analytics events",
    "",
    "<!-- Generated from lib/observability/events.ts by `npm run docs:events`. Do not edit by hand. -->",
    "",
    "Every product event TimeTracker can emit. Each one is written to the local JSON log and counted in",
    "`timetracker_analytics_events_total{event}`. It is sent to PostHog only when `POSTHOG_API_KEY` is set,",
    "`DO_NOT_TRACK` is not, and an administrator allowed product analytics — except events marked",
    "**local only**, which never leave the server. The distinct id is the internal user id (a UUID), never an",
    "email, username or name. Properties not listed here are dropped before anything is logged or sent.",
    "",
    "| Event | Sent to PostHog | Description | Properties |",
    "|---|---|---|---|",
  ];
  for (const name of names) {
    const d = EVENTS[name] as { description: string; props: z.ZodObject; localOnly?: boolean };
    const schema = z.toJSONSchema(d.props, { io: "input" }) as { properties?: Record<string, JsonSchema> };
    const props = Object.entries(schema.properties ?? {})
      .map(([k, v]) => `\`${k}\`: ${describeType(v)}`)
      .join("<br>");
    lines.push(
      `| \`${name}\` | ${d.localOnly ? "no (local only)" : "when allowed"} | ${d.description} | ${props || "—"} |`,
    );
  }
  lines.push("", `${names.length} events.`, "");
  return lines.join("\n");
}
