// The palette's list of clients, projects and tasks: from the server action, else (offline) the
// copy kept from the last load in the service worker's page cache, which sign-out empties.
import type { ActionResult } from "@/lib/errors";
import type { PaletteData } from "@/lib/services/palette";
import { PAGES_CACHE, PALETTE_CACHE_KEY } from "@/components/pwa/sw/policy";

export type LoadPalette = (input: Record<string, never>) => Promise<ActionResult<PaletteData>>;

const EMPTY: PaletteData = { clients: [], projects: [], tasks: [] };
const cacheKey = (userId: string) => `${PALETTE_CACHE_KEY}?u=${encodeURIComponent(userId)}`;

async function keep(userId: string, data: PaletteData): Promise<void> {
  if (typeof caches === "undefined") return;
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(
    cacheKey(userId),
    new Response(JSON.stringify(data), { headers: { "content-type": "application/json" } }),
  );
}

async function kept(userId: string): Promise<PaletteData | null> {
  if (typeof caches === "undefined") return null;
  const hit = await (await caches.open(PAGES_CACHE)).match(cacheKey(userId));
  return hit ? ((await hit.json()) as PaletteData) : null;
}

export async function loadPaletteData(
  userId: string,
  load: LoadPalette,
): Promise<{ data: PaletteData; stale: boolean; error: string | null; offline: boolean }> {
  try {
    const res = await load({});
    if (res.ok) {
      await keep(userId, res.data).catch(() => undefined);
      return { data: res.data, stale: false, error: null, offline: false };
    }
    const copy = await kept(userId).catch(() => null);
    return { data: copy ?? EMPTY, stale: true, error: res.error.message, offline: false };
  } catch {
    const copy = await kept(userId).catch(() => null);
    // offline without a kept copy: the caller says so in the user's language (Palette.offline).
    return { data: copy ?? EMPTY, stale: true, error: null, offline: !copy };
  }
}
