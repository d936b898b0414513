// /api/live: the signed-in user's live updates as Server-Sent Events (one stream per tab; the
// timer started or stopped in another tab, device or through the API). docs/api.md "Live updates".
import { apiRoute } from "@/lib/api/json-route";
import { openLiveStream } from "@/lib/services/live/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** 200 text/event-stream (a session, or a token with entries:read or timer:write); 401 signed out; 429 with too many tabs open. */
export const GET = apiRoute("/api/live", ["entries:read", "timer:write"], async (req, { actor }) => {
  const stream = await openLiveStream(actor, req.headers.get("last-event-id"), req.signal);
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      // nginx and similar proxies would otherwise buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
