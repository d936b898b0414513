/// <reference lib="webworker" />
// The service worker (built by scripts/build-sw.mjs into .next/standalone/public/sw.js, production
// only). It precaches the app's static files (JS, CSS, icons), keeps the last copy of each signed-in
// page it served (network first, the copy only when the network fails), so the app opens offline
// with the last state it showed, the running timer included. Sign-in and sign-out pages empty that
// copy, so the next user of this browser never sees the previous one's pages.
import { ExpirationPlugin, NetworkFirst, Serwist, type PrecacheEntry } from "serwist";
import { OFFLINE_HTML, PAGES_CACHE, isCacheablePage, isPageResponse, isSignInOrOut } from "./policy";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const pages = new NetworkFirst({
  cacheName: PAGES_CACHE,
  plugins: [
    {
      cacheWillUpdate: async ({ response }) =>
        isPageResponse(response.status, response.headers.get("content-type")) ? response : null,
    },
    new ExpirationPlugin({ maxEntries: 40, maxAgeSeconds: 14 * 24 * 60 * 60 }),
  ],
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url, sameOrigin }) => sameOrigin && request.mode === "navigate" && isCacheablePage(url),
      handler: async (options) => {
        try {
          return await pages.handle(options);
        } catch {
          // Offline and this page was never opened here: the dashboard's copy, else a short notice.
          const cache = await caches.open(PAGES_CACHE);
          const home = await cache.match("/", { ignoreSearch: true });
          return home ?? new Response(OFFLINE_HTML, { headers: { "content-type": "text/html; charset=utf-8" } });
        }
      },
    },
  ],
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.mode === "navigate" && url.origin === self.location.origin && isSignInOrOut(url))
    event.waitUntil(caches.delete(PAGES_CACHE));
});

serwist.addEventListeners();
