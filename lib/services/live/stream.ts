// One tab's live-sync stream (Server-Sent Events, served by app/api/live): the events of the
// signed-in user, a heartbeat so proxies keep the connection, and on reconnect what the tab missed
// (Last-Event-ID), or one "sync" when this instance cannot tell what that was.
import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/services/actor";
import { ensureLiveListener } from "./bus";
import { liveHub, MAX_STREAMS_PER_USER, type LiveEvent } from "./hub";

export const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting (the SSE `retry` field). */
export const RECONNECT_MS = 1_000;

const frame = (e: Pick<LiveEvent, "id" | "kind">) => `id: ${e.id}\nevent: ${e.kind}\ndata: {}\n\n`;

export async function openLiveStream(
  actor: Actor,
  lastEventId: string | null,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  if (!actor.id) throw new AppError("FORBIDDEN", "Live updates are for signed-in users.");
  const userId = actor.id;
  await ensureLiveListener();
  const hub = liveHub();
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;
  const write = (s: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(s));
    } catch {
      end();
    }
  };
  const end = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    try {
      controller.close();
    } catch {
      // Already closed by the client.
    }
  };
  const unsubscribe = hub.subscribe(userId, { send: (e) => write(frame(e)), close: end });
  if (!unsubscribe)
    throw new AppError(
      "RATE_LIMITED",
      `Too many open tabs: live updates are limited to ${MAX_STREAMS_PER_USER} per user. Close a tab and reload.`,
    );
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      write(`retry: ${RECONNECT_MS}\n\n`);
      const missed = lastEventId ? hub.since(userId, lastEventId) : [];
      if (missed === null) write(frame({ id: hub.latestId(), kind: "sync" }));
      else if (missed.length) for (const e of missed) write(frame(e));
      // The first frame names where this stream starts, so a reconnect always carries an id.
      else write(`id: ${hub.latestId()}\n: connected\n\n`);
      heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      heartbeat.unref();
      if (signal.aborted) end();
      else signal.addEventListener("abort", end, { once: true });
    },
    cancel: end,
  });
}
