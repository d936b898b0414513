// First-load JavaScript per page, from the build's manifests (run after `npm run build`): the gzip
// size of every JS chunk a page's first HTML response makes the browser load, i.e. Next's shared
// runtime (build-manifest.json `rootMainFiles`) plus the client chunks of each segment on the page's
// path (layouts, error/not-found boundaries, the page: `entryJSFiles` of the page's
// client-reference manifest). Chunks loaded later (next/dynamic, route prefetches) are not counted.
// Next 16 no longer prints these figures in `next build`'s output, so this script does.
//
//   npm run size                       the 12 heaviest pages, exit 1 if one is over the budget
//   npm run size -- --all --budget 200 every page, another budget (kB, 1 kB = 1000 bytes)
//   npm run size -- --json             machine-readable
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export const DEFAULT_BUDGET_KB = 250;

/** Reads a `*_client-reference-manifest.js` file (it assigns `globalThis.__RSC_MANIFEST[route]`). */
function readClientManifest(file) {
  const sandbox = { globalThis: {}, self: {} };
  sandbox.globalThis = sandbox;
  sandbox.self = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  return sandbox.__RSC_MANIFEST ?? {};
}

function findPageManifests(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findPageManifests(full, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** "/(app)/reports/page" → "/reports"; "/(app)/page" → "/". */
export function routeOf(key) {
  const parts = key
    .replace(/\/page$/, "")
    .split("/")
    .filter((p) => p && !/^\(.*\)$/.test(p));
  return "/" + parts.join("/");
}

/** Measures every page of the build in `nextDir`; heaviest first. */
export function measurePages(nextDir) {
  const buildManifest = JSON.parse(fs.readFileSync(path.join(nextDir, "build-manifest.json"), "utf8"));
  const shared = buildManifest.rootMainFiles ?? [];
  const gz = new Map();
  const sizeOf = (file) => {
    if (!gz.has(file)) {
      const buf = fs.readFileSync(path.join(nextDir, file));
      gz.set(file, { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    }
    return gz.get(file);
  };
  const pages = [];
  for (const file of findPageManifests(path.join(nextDir, "server/app"))) {
    for (const [key, manifest] of Object.entries(readClientManifest(file))) {
      if (key.startsWith("/_")) continue; // Next's own /_not-found and /_global-error
      const chunks = new Set(shared);
      for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const c of list) chunks.add(c);
      const files = [...chunks].filter((c) => c.endsWith(".js"));
      let raw = 0;
      let gzip = 0;
      for (const c of files) {
        const s = sizeOf(c);
        raw += s.raw;
        gzip += s.gzip;
      }
      pages.push({ route: routeOf(key), chunks: files.length, raw, gzip });
    }
  }
  const sharedGzip = shared.filter((c) => c.endsWith(".js")).reduce((n, c) => n + sizeOf(c).gzip, 0);
  pages.sort((a, b) => b.gzip - a.gzip || a.route.localeCompare(b.route));
  return { pages, sharedGzip };
}

const kB = (bytes) => (bytes / 1000).toFixed(1);

function main(argv) {
  const arg = (name) => argv.includes(name);
  const value = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const nextDir = path.resolve(value("--dir", path.join(import.meta.dirname, "..", ".next")));
  const budget = Number(value("--budget", DEFAULT_BUDGET_KB));
  if (!fs.existsSync(path.join(nextDir, "build-manifest.json"))) {
    console.error(`size: ${nextDir}/build-manifest.json is missing; run \`npm run build\` first`);
    return 2;
  }
  const { pages, sharedGzip } = measurePages(nextDir);
  const over = pages.filter((p) => p.gzip > budget * 1000);
  if (arg("--json")) {
    console.log(JSON.stringify({ budgetKb: budget, sharedGzip, pages }, null, 2));
  } else {
    const shown = arg("--all") ? pages : pages.slice(0, 12);
    console.log(`First-load JavaScript per page (gzip; budget ${budget} kB; shared by all: ${kB(sharedGzip)} kB)`);
    const width = Math.max(...shown.map((p) => p.route.length), 5);
    for (const p of shown) {
      const flag = p.gzip > budget * 1000 ? "  OVER BUDGET" : "";
      console.log(
        `  ${p.route.padEnd(width)}  ${kB(p.gzip).padStart(6)} kB  (${kB(p.raw)} kB raw, ${p.chunks} chunks)${flag}`,
      );
    }
    if (shown.length < pages.length) console.log(`  … ${pages.length - shown.length} lighter pages (--all)`);
  }
  if (over.length) {
    console.error(`size: ${over.length} page(s) over the ${budget} kB budget: ${over.map((p) => p.route).join(", ")}`);
    return 1;
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
