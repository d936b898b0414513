// Lints source texts as if they sat at the given paths, with the project's own eslint.config.mjs,
// and prints the layer-rule problems of each as JSON. Run by tests/lint/layers.test.ts in a plain
// Node process (Jest's module system cannot load ESLint's ESM config).
import { ESLint } from "eslint";
import path from "node:path";

const cases = JSON.parse(process.argv[2]);
const root = process.cwd();
const eslint = new ESLint({ cwd: root });
const out = {};
for (const [name, { file, code }] of Object.entries(cases)) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  out[name] = result.messages
    .filter((m) => m.ruleId === "boundaries/dependencies" || m.ruleId === "no-restricted-imports")
    .map((m) => `${m.ruleId}: ${m.message}`);
}
process.stdout.write(JSON.stringify(out));
