// Builds the service worker after `next build` (called by postbuild.mjs): the precache list of
// Next's hashed static files and the app icons, injected into components/pwa/sw/service-worker.ts,
// bundled by esbuild into .next/standalone/public/sw.js. Why a build step and not @serwist/next's
// webpack plugin: Next 16 builds with Turbopack, which that plugin does not hook into
// (docs/development.md#service-worker).
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getManifest } from "@serwist/build";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, ".next/standalone/public/sw.js");

const statics = await getManifest({
  globDirectory: path.join(root, ".next"),
  globPatterns: ["static/**/*.{js,css,woff2}"],
  // Hashed names: the URL is the version.
  dontCacheBustURLsMatching: /^\/_next\/static\//,
  modifyURLPrefix: { "static/": "/_next/static/" },
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
const icons = await getManifest({
  globDirectory: path.join(root, "public"),
  globPatterns: ["icons/*.{png,svg}", "favicon.ico"],
  modifyURLPrefix: { "": "/" },
});
for (const w of [...statics.warnings, ...icons.warnings]) console.warn(`build-sw: ${w}`);
const entries = [...statics.manifestEntries, ...icons.manifestEntries].map((e) => ({
  url: e.url,
  revision: e.url.startsWith("/_next/static/") ? null : e.revision,
}));

await build({
  entryPoints: [path.join(root, "components/pwa/sw/service-worker.ts")],
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: true,
  outfile: out,
  define: { "self.__SW_MANIFEST": JSON.stringify(entries), "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
const hash = createHash("sha256").update(fs.readFileSync(out)).digest("hex").slice(0, 12);
const kb = (statics.size + icons.size) / 1024;
console.log(`build-sw: ${out} (${entries.length} files precached, ${kb.toFixed(0)} KiB, sw ${hash})`);
