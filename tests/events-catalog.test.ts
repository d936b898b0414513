// The event catalog is the single truth: docs/events.md is generated from it, code may only emit
// cataloged events, and every cataloged event is emitted somewhere (no promises without code).
import fs from "node:fs";
import path from "node:path";
import { EVENTS } from "@/lib/observability/events";
import { renderEventsDoc } from "@/lib/observability/events-doc";

const root = path.resolve(__dirname, "..");
const CALL = /\btrack\(\s*["'`]([^"'`]+)["'`]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function emitted(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of ["app", "lib", "components"].flatMap((d) => sourceFiles(path.join(root, d)))) {
    for (const m of fs.readFileSync(file, "utf8").matchAll(CALL)) {
      const list = found.get(m[1]!) ?? [];
      list.push(path.relative(root, file));
      found.set(m[1]!, list);
    }
  }
  return found;
}

test("docs/events.md is up to date (npm run docs:events)", () => {
  const committed = fs.readFileSync(path.join(root, "docs/events.md"), "utf8");
  expect(committed).toBe(renderEventsDoc());
});

test("the code emits only cataloged events", () => {
  const unknown = [...emitted()]
    .filter(([name]) => !(name in EVENTS))
    .map(([name, files]) => `${name} (${files.join(", ")})`);
  expect(unknown).toEqual([]);
});

test("every cataloged event is emitted somewhere in app/ or lib/", () => {
  const seen = emitted();
  const never = Object.keys(EVENTS).filter((name) => !seen.has(name));
  expect(never).toEqual([]);
});
