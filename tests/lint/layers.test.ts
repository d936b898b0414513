// The layer rules of eslint.config.mjs, run by the real ESLint on deliberately wrong imports: each
// must fail `npm run lint` with the rule that names the layer, and the layers' own direction passes.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const imp = (what: string, from: string) => `import { ${what} } from "${from}";\nexport const x = ${what};\n`;

const CASES = {
  componentToDb: { file: "components/ui/wrong.tsx", code: imp("db", "@/lib/db") },
  libToDb: { file: "lib/validation/wrong.ts", code: imp("db", "@/lib/db") },
  componentToApp: { file: "components/timer/wrong.tsx", code: imp("stopTimerAction", "@/app/(app)/timer/actions") },
  libToComponents: { file: "lib/services/wrong.ts", code: imp("Button", "@/components/ui/button") },
  crossRoute: {
    file: "app/(app)/projects/[id]/wrong.tsx",
    code: imp("EntryTable", "../../entries/_components/entry-table"),
  },
  serviceToDb: { file: "lib/services/fine.ts", code: imp("db", "@/lib/db") },
  pageToComponents: { file: "app/(app)/projects/fine.tsx", code: imp("Button", "@/components/ui/button") },
  componentToService: { file: "components/timer/wrong3.tsx", code: imp("stopTimer", "@/lib/services/timer") },
  componentToServiceType: {
    file: "components/timer/fine2.tsx",
    code: 'import type { EntryDto } from "@/lib/services/entry-dto";\nexport type X = EntryDto;\n',
  },
  componentToTime: { file: "components/timer/fine3.tsx", code: imp("formatHm", "@/lib/time/duration-parse") },
  componentToEnums: { file: "components/ui/fine.tsx", code: imp("Role", "@/lib/db/generated/enums") },
  componentToClient: { file: "components/ui/wrong2.tsx", code: imp("PrismaClient", "@/lib/db/generated/client") },
  ownRouteParts: { file: "app/(app)/admin/users/[id]/fine.tsx", code: imp("RoleForm", "../_components/role-form") },
};

let got: Record<keyof typeof CASES, string[]>;
beforeAll(() => {
  const out = execFileSync(process.execPath, [path.join(__dirname, "lint-cases.mjs"), JSON.stringify(CASES)], {
    cwd: root,
    encoding: "utf8",
  });
  got = JSON.parse(out);
}, 120_000);

describe("layer rules (eslint-plugin-boundaries and no-restricted-imports)", () => {
  it("refuse a component that imports lib/db", () => {
    expect(got.componentToDb).toEqual([
      expect.stringMatching(/^boundaries\/dependencies: Only lib\/services and lib\/db may import lib\/db/),
    ]);
  });
  it("refuse lib code outside lib/services that imports lib/db", () => {
    expect(got.libToDb).toEqual([expect.stringMatching(/^boundaries\/dependencies: Only lib\/services/)]);
  });
  it("refuse a component that imports from app/", () => {
    expect(got.componentToApp).toEqual([
      expect.stringMatching(/^boundaries\/dependencies: Imports go app → components → lib/),
    ]);
  });
  it("refuse lib code that imports a component", () => {
    expect(got.libToComponents).toEqual([
      expect.stringMatching(/^boundaries\/dependencies: lib never imports components/),
    ]);
  });
  it("refuse a route that reaches into another route's _components", () => {
    expect(got.crossRoute).toEqual([expect.stringMatching(/^no-restricted-imports: .*private to it/)]);
  });
  it("refuse a component that imports a service at run time, but not its types or the pure time helpers", () => {
    expect(got.componentToService).toEqual([
      expect.stringMatching(/^boundaries\/dependencies: UI parts import lib\/services for types only/),
    ]);
    expect([got.componentToServiceType, got.componentToTime]).toEqual([[], []]);
  });
  it("refuse a component that imports the generated Prisma client", () => {
    expect(got.componentToClient).toEqual([expect.stringMatching(/^boundaries\/dependencies: Only lib\/services/)]);
  });
  it("allow the layers' own direction, and Prisma's generated enums anywhere", () => {
    expect([got.serviceToDb, got.pageToComponents, got.ownRouteParts, got.componentToEnums]).toEqual([[], [], [], []]);
  });
});
