// Runs `prisma generate` without network access. The generator does not need Prisma's native
// schema engine, but the CLI looks for one unless PRISMA_SCHEMA_ENGINE_BINARY points somewhere.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(new URL("./no-schema-engine", import.meta.url)),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const res = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(res.status ?? 1);
