// Where e2e screenshots go: docs/images/ when refreshing the docs (UPDATE_SCREENSHOTS=1 npm run
// test:e2e), else test-results/screenshots/ so an ordinary run leaves the tracked images alone.
import fs from "node:fs";
import path from "node:path";

export const SHOTS_DIR =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? path.resolve(__dirname, "../docs/images")
    : path.resolve(__dirname, "../test-results/screenshots");
fs.mkdirSync(SHOTS_DIR, { recursive: true });

export const shotPath = (name: string) => path.join(SHOTS_DIR, name.endsWith(".png") ? name : `${name}.png`);
