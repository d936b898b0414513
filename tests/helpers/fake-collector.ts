// A local HTTP server on 127.0.0.1 (random free port) that records everything sent to it, standing in
// for a Sentry DSN host or a PostHog host in tests. Answers 200 with `{}` to every request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeCollector {
  url: string;
  port: number;
  requests: Recorded[];
  /** Every request as one string (url, headers and body), for "never contains" checks. */
  all(): string;
  close(): Promise<void>;
}

function decode(buf: Buffer, encoding: string | undefined): string {
  try {
    if (encoding === "gzip" || (buf[0] === 0x1f && buf[1] === 0x8b)) return zlib.gunzipSync(buf).toString("utf8");
    if (encoding === "br") return zlib.brotliDecompressSync(buf).toString("utf8");
    if (encoding === "deflate") return zlib.inflateSync(buf).toString("utf8");
  } catch {
    // Not actually compressed: fall through.
  }
  return buf.toString("utf8");
}

/** port 0 (default) = a free one; a given port lets a test bring a "dead" host back. */
export async function startFakeCollector(port = 0): Promise<FakeCollector> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: decode(Buffer.concat(chunks), req.headers["content-encoding"] as string | undefined),
      });
      res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    all: () => requests.map((r) => `${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`).join("\n"),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until pred holds (polling), or fails after timeoutMs. */
export async function eventually(
  pred: () => boolean,
  timeoutMs = 10_000,
  what: string | (() => string) = "condition",
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === "function" ? what() : what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
