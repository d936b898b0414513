// Maps a request path to its route TEMPLATE ("/entries/3f…" → "/entries/[id]") with the route
// table Next wrote at build time (.next/routes-manifest.json, the same regexes its router uses, in
// its priority order). Paths no route matches become "/_not-found"; Next's own files
// "/_next/static/[...path]". Never a raw path: labels and log lines stay bounded and id-free.
import "server-only";
import fs from "node:fs";
import path from "node:path";

export interface RouteTable {
  /** Static routes are exact; dynamic ones carry Next's regex, in matching order. */
  pages: { template: string; regex?: RegExp }[];
  /** Templates served by route handlers (route.ts), for the line's `kind`. */
  handlers: Set<string>;
}

type RoutesManifest = {
  staticRoutes?: { page: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

/** The table of the running build; empty when there is none (then every path is "/_not-found"). */
export function loadRouteTable(distDirs = [".next", ".next/dev"]): RouteTable {
  for (const d of distDirs) {
    const dir = path.resolve(d);
    try {
      const m = JSON.parse(fs.readFileSync(path.join(dir, "routes-manifest.json"), "utf8")) as RoutesManifest;
      let appPaths: Record<string, string> = {};
      try {
        appPaths = JSON.parse(fs.readFileSync(path.join(dir, "app-path-routes-manifest.json"), "utf8"));
      } catch {
        // Only the `kind` of route handlers depends on it.
      }
      return buildRouteTable(
        m,
        Object.entries(appPaths)
          .filter(([file]) => file.endsWith("/route"))
          .map(([, route]) => route),
      );
    } catch {
      // Next build directory not here: try the next one.
    }
  }
  return { pages: [], handlers: new Set() };
}

export function buildRouteTable(m: RoutesManifest, handlers: string[] = []): RouteTable {
  const pages: RouteTable["pages"] = [];
  for (const r of m.staticRoutes ?? []) pages.push({ template: r.page });
  for (const r of m.dynamicRoutes ?? []) {
    try {
      pages.push({ template: r.page, regex: new RegExp(r.regex) });
    } catch {
      // A regex this runtime cannot compile: that route counts as unmatched.
    }
  }
  return { pages, handlers: new Set(handlers) };
}

export function routeTemplate(url: string, table: RouteTable): string {
  let p = url.split(/[?#]/)[0] || "/";
  if (!p.startsWith("/")) p = "/";
  if (p.startsWith("/_next/")) {
    if (p.startsWith("/_next/static/")) return "/_next/static/[...path]";
    if (p === "/_next/image") return "/_next/image";
    return "/_next/[...path]";
  }
  // Client-router fetches of a page's payload: "/timer.rsc", "/timer.segments/…".
  p = p.replace(/\.segments\/.*$/, "").replace(/\.rsc$/, "");
  if (p === "/index") p = "/";
  if (p.length > 1) p = p.replace(/\/+$/, "");
  for (const r of table.pages) {
    if (r.regex ? r.regex.test(p) : r.template === p) return r.template;
  }
  return "/_not-found";
}
