// npm run docs:events — regenerates docs/events.md from the event catalog.
import fs from "node:fs";
import path from "node:path";
import { renderEventsDoc } from "../lib/observability/events-doc";

const out = path.resolve(import.meta.dirname, "../docs/events.md");
fs.writeFileSync(out, renderEventsDoc());
console.log(`docs:events: wrote ${path.relative(process.cwd(), out)}`);
