// Gzip at level 1 for large streamed downloads (the CSV export). Next's built-in compression uses
// zlib's default level, which cost the 1M-row export three times its uncompressed time on this
// 2-core machine (docs/performance.md); level 1 keeps most of the saving (CSV shrinks ~5×) for a
// fraction of the CPU. Next leaves a response alone once it carries a Content-Encoding.
import "server-only";
import { pipeline, Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import { createGzip, constants } from "node:zlib";

/** Whether the request accepts gzip (Accept-Encoding names it without q=0). */
export function acceptsGzip(req: Request): boolean {
  const header = req.headers.get("accept-encoding") ?? "";
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (name === "gzip" || name === "x-gzip") && (!q || Number(q.slice(2)) > 0);
  });
}

/** The body gzipped at level 1 with back-pressure; cancelling the result cancels `body`. */
export function gzipStream(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const gz = createGzip({ level: 1, flush: constants.Z_NO_FLUSH });
  // A failed or cancelled body ends the gzip stream with it; the error reaches the response.
  pipeline(Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>), gz, () => undefined);
  return Readable.toWeb(gz) as unknown as ReadableStream<Uint8Array>;
}

/** Headers and body for a download: gzipped when the client accepts it. */
export function maybeGzip(
  req: Request,
  body: ReadableStream<Uint8Array>,
): { body: ReadableStream<Uint8Array>; headers: Record<string, string> } {
  if (!acceptsGzip(req)) return { body, headers: { vary: "accept-encoding" } };
  return { body: gzipStream(body), headers: { "content-encoding": "gzip", vary: "accept-encoding" } };
}
