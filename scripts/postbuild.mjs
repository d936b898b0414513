// Completes Next's standalone output so `.next/standalone` runs on its own (here, in CI's smoke test
// and in the Docker image): static assets, public files and the SQL migrations beside server.js.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".next/standalone");
if (!fs.existsSync(path.join(out, "server.js"))) {
  console.error("postbuild: .next/standalone/server.js is missing; did `next build` run with output: standalone?");
  process.exit(1);
}
const copy = (from, to) => {
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true, force: true });
};
copy(path.join(root, ".next/static"), path.join(out, ".next/static"));
copy(path.join(root, "public"), path.join(out, "public"));
fs.rmSync(path.join(out, "prisma/migrations"), { recursive: true, force: true });
copy(path.join(root, "prisma/migrations"), path.join(out, "prisma/migrations"));
// Next's file tracing finds PGlite's JS but not every data file it loads at run time.
copy(
  path.join(root, "node_modules/@electric-sql/pglite/dist"),
  path.join(out, "node_modules/@electric-sql/pglite/dist"),
);
// The service worker precaches what the build just wrote (scripts/build-sw.mjs).
await import("./build-sw.mjs");
fs.writeFileSync(path.join(out, ".build-stamp"), new Date().toISOString());
console.log("postbuild: standalone server ready in .next/standalone");
