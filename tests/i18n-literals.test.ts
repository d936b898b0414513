// Keeps converted UI folders converted: every user-visible string goes through next-intl
// (messages/en.json), so a later language needs no code change. The scan parses each TSX file and
// reports, with file:line, English written into the markup: JSX text, string props people read
// or hear (label, placeholder, aria-label, title, alt, hint, …), strings placed as JSX children,
// toast texts and a static metadata title. Values that are no words ("—", "×", "·", digits) pass.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** Folders (and single files) whose TSX must take its text from the catalog. */
const CONVERTED = [
  "app/(app)/projects",
  "app/(app)/clients",
  "app/(app)/tasks",
  "app/(app)/tags",
  "components/tags",
  "app/(app)/reports",
  "components/reports",
  "app/(app)/rates",
  "app/(app)/timer",
  "components/timer",
  "components/palette",
  "components/forms",
  "components/feedback",
  "components/pwa",
  "components/live",
  "components/ui",
  "app/not-found.tsx",
  "app/(app)/profile",
  "components/account",
  "components/webhooks",
  "app/(app)/admin",
  "components/admin",
  "components/settings",
  "app/(app)/api-reference",
  "app/(auth)",
  "app/logout",
  "app/setup",
  "components/auth",
  "app/(app)/expenses",
];

/** Props whose string is read or heard by people. */
const UI_PROPS = new Set([
  "alt",
  "altLabel",
  "aria-description",
  "aria-label",
  "aria-roledescription",
  "aria-valuetext",
  "caption",
  "columns",
  "confirm",
  "confirmLabel",
  "description",
  "heading",
  "hint",
  "label",
  "placeholder",
  "submitLabel",
  "successMessage",
  "title",
  "what",
]);
/** Object keys inside such a prop that hold no text for people (e.g. a column's className). */
const CODE_KEYS = new Set(["className", "id", "value", "href", "key", "name", "type", "variant"]);
/** Words are letters; anything without one ("—", "×", "·", "+1", "%") is not language. */
const WORDS = /\p{L}/u;

export interface Finding {
  file: string;
  line: number;
  what: string;
}

function staticText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("");
  return null;
}

/** String literals with words inside an expression, skipping what is code: arguments of calls
 * (t("key")), operands of comparisons, element accesses, and object values under CODE_KEYS. */
function wordyLiterals(expr: ts.Node, out: ts.Node[]) {
  const text = staticText(expr);
  if (text !== null) {
    if (WORDS.test(text)) out.push(expr);
    if (!ts.isTemplateExpression(expr)) return;
  }
  if (ts.isCallExpression(expr) || ts.isNewExpression(expr)) return;
  if (ts.isElementAccessExpression(expr)) return wordyLiterals(expr.expression, out);
  if (ts.isBinaryExpression(expr) && /^(===|!==|==|!=|<|>|<=|>=|in|instanceof)$/.test(expr.operatorToken.getText())) {
    return;
  }
  if (ts.isPropertyAssignment(expr) && CODE_KEYS.has(expr.name.getText())) return;
  if (ts.isJsxElement(expr) || ts.isJsxSelfClosingElement(expr) || ts.isJsxFragment(expr)) return; // visited on its own
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return;
  ts.forEachChild(expr, (c) => wordyLiterals(c, out));
}

export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, what: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what });
  const literalsIn = (expr: ts.Node, label: string) => {
    const found: ts.Node[] = [];
    wordyLiterals(expr, found);
    for (const n of found) report(n, `${label} ${JSON.stringify(staticText(n))}`);
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, `text ${JSON.stringify(node.text.trim())}`);
    if (ts.isJsxAttribute(node) && node.initializer && UI_PROPS.has(node.name.getText(sf))) {
      const init = node.initializer;
      const expr = ts.isJsxExpression(init) ? init.expression : init;
      if (expr) literalsIn(expr, `${node.name.getText(sf)}=`);
    }
    // {cond && "text"} or {x ? "a" : "b"} as a child of an element.
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      literalsIn(node.expression, "child");
    }
    // toast("Saved"), toast.success(`Deleted ${n}`)
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf);
      if (/^toast(\.\w+)?$/.test(callee)) {
        for (const a of node.arguments) {
          const text = staticText(a);
          if (text !== null && WORDS.test(text)) report(a, `${callee}(${JSON.stringify(text)})`);
        }
      }
    }
    // export const metadata = { title: "Projects" }
    if (ts.isVariableDeclaration(node) && node.name.getText(sf) === "metadata" && node.initializer) {
      literalsIn(node.initializer, "metadata");
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function tsxFiles(entry: string): string[] {
  const stat = fs.statSync(entry);
  if (stat.isFile()) return [entry];
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? tsxFiles(path.join(entry, d.name)) : [path.join(entry, d.name)]))
    .filter((f) => f.endsWith(".tsx") && !f.endsWith(".test.tsx"));
}

describe("converted UI folders write no English into the markup", () => {
  it("finds English in each kind of place it looks", () => {
    const src = `
      export const metadata = { title: "Projects" };
      export function A({ n }: { n: number }) {
        toast.success("Saved.");
        return (
          <div title="Hello" aria-label={n ? "Busy" : "Idle"}>
            Plain words
            <Table caption={t("x")} columns={["Name", { label: "Actions", className: "text-right" }]} />
            {n > 1 && \` (\${n} more)\`}
          </div>
        );
      }`;
    const found = scanSource("sample.tsx", src).map((f) => `${f.line} ${f.what}`);
    expect(found).toEqual([
      `2 metadata "Projects"`,
      `4 toast.success("Saved.")`,
      `6 title= "Hello"`,
      `6 aria-label= "Busy"`,
      `6 aria-label= "Idle"`,
      `7 text "Plain words"`,
      `8 columns= "Name"`,
      `8 columns= "Actions"`,
      `9 child " ( more)"`,
    ]);
  });

  it("lets catalog lookups, code values and symbols through", () => {
    const src = `
      export function B({ a }: { a: boolean }) {
        return (
          <p className="text-sm" title={t("title")} aria-label={a === "x" ? t("a") : t("b")} data-testid="p">
            {t("body", { n: 1 })} — × · 12 %{" "}
            <Table caption={t("c")} columns={[{ label: t("d"), className: "pr-4" }]} />
          </p>
        );
      }`;
    expect(scanSource("sample.tsx", src)).toEqual([]);
  });

  it.each(CONVERTED)("%s", (entry) => {
    const findings = tsxFiles(entry).flatMap((f) => scanSource(f, fs.readFileSync(f, "utf8")));
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.what}`)).toEqual([]);
  });
});
