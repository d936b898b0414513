// Where e2e screenshots go: e2e-screenshots/ (git-ignored; CI keeps it as the "e2e-screenshots"
// artifact), or docs/images/ when refreshing the docs (UPDATE_SCREENSHOTS=1 npm run test:e2e), so an
// ordinary run leaves the tracked images alone. Playwright empties test-results/ at the start of a
// run, which is why the pictures live elsewhere.
import fs from "node:fs";
import path from "node:path";

export const SHOTS_DIR =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? path.resolve(__dirname, "../docs/images")
    : path.resolve(__dirname, "../e2e-screenshots");
fs.mkdirSync(SHOTS_DIR, { recursive: true });

export const shotPath = (name: string) => path.join(SHOTS_DIR, name.endsWith(".png") ? name : `${name}.png`);
