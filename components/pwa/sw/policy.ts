// What the service worker keeps: plain functions, shared with the page (the palette stores its
// offline copy in the same cache) and tested without a browser.

/** Signed-in pages as last served, and the palette's data; emptied at sign-in and sign-out. */
export const PAGES_CACHE = "tt-pages";

/** Where the palette keeps its last list of projects and tasks (a synthetic entry in PAGES_CACHE). */
export const PALETTE_CACHE_KEY = "/__offline/palette.json";

const NEVER = /^\/(login|logout|setup|api|metrics|docs|_next)(\/|$)/;

/** A signed-in page worth keeping for offline use. */
export function isCacheablePage(url: URL): boolean {
  return !NEVER.test(url.pathname);
}

/** Only HTML pages are kept: a download reached by navigation (CSV export, backup) never is. */
export function isPageResponse(status: number, contentType: string | null): boolean {
  return status === 200 && /^text\/html\b/i.test(contentType ?? "");
}

export function isSignInOrOut(url: URL): boolean {
  return /^\/(login|logout)(\/|$)/.test(url.pathname);
}

export const OFFLINE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Offline · TimeTracker</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>You are offline</h1><p>This page has not been opened on this device yet, so there is no copy to show. Open it again once you are back online.</p><p><a href="/">Go to the dashboard</a></p></body></html>`;
