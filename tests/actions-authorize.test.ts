// Server actions are public POST endpoints: every exported action and route handler of the
// tracking features must authenticate inside itself (requireUser/requireAdmin), and run through
// runAction (actions) so failures are mapped and logged.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const files = ["clients", "projects", "tasks", "timer", "entries"].map((f) => `app/(app)/${f}/actions.ts`);

function exportedFunctions(src: string): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  const re = /export async function (\w+)\(/g;
  let m: RegExpExecArray | null;
  const starts: { name: string; index: number }[] = [];
  while ((m = re.exec(src))) starts.push({ name: m[1], index: m.index });
  starts.forEach((s, i) => out.push({ name: s.name, body: src.slice(s.index, starts[i + 1]?.index ?? src.length) }));
  return out;
}

describe.each(files)("%s", (file) => {
  const src = fs.readFileSync(path.join(root, file), "utf8");
  const fns = exportedFunctions(src);
  it("is a server action module", () => expect(src.startsWith('"use server";')).toBe(true));
  it.each(fns.map((f) => [f.name, f.body]))("%s authenticates inside runAction", (_name, body) => {
    expect(body).toMatch(/runAction\(/);
    expect(body).toMatch(/require(User|Admin)\(\)/);
  });
});

it("the CSV export route authenticates", () => {
  const src = fs.readFileSync(path.join(root, "app/(app)/reports/export/route.ts"), "utf8");
  expect(src).toMatch(/await requireUser\(\)/);
});
