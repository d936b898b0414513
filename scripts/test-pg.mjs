// `npm run test:pg`: the integration suite (tests/) against a real PostgreSQL server. Each test file
// gets its own throw-away database on that server. The server comes from TEST_DATABASE_URL, else
// DATABASE_URL (it must allow CREATE DATABASE).
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    "test:pg needs TEST_DATABASE_URL (or DATABASE_URL) = postgresql://user@host:port/db of a server that allows CREATE DATABASE.",
  );
  process.exit(2);
}
const env = {
  ...process.env,
  TEST_DATABASE_URL: url,
  NODE_OPTIONS: "--experimental-vm-modules --disable-warning=ExperimentalWarning",
};
delete env.DATABASE_URL;
// With file names (npm run test:pg -- tests/foo.test.ts) only those run; without, all of tests/.
const args = process.argv.slice(2);
const files = args.some((a) => !a.startsWith("-")) ? [] : ["tests/"];
const res = spawnSync("npx", ["jest", ...files, ...args], { stdio: "inherit", env });
process.exit(res.status ?? 1);
