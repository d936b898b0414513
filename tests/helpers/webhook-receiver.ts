// A local webhook receiver on 127.0.0.1 (random port) whose behaviour each test sets: answer with a
// status, hang, redirect, or stream a huge body. It records every request it got, headers and body.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | { kind: "status"; status: number }
  | { kind: "hang" }
  | { kind: "redirect"; location: string }
  | { kind: "huge"; bytes: number };

export interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  behave(b: Behaviour): void;
  /** Resolves once `n` requests have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(initial: Behaviour = { kind: "status", status: 204 }): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let behaviour = initial;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
      const b = behaviour;
      if (b.kind === "hang") return; // never answers
      if (b.kind === "redirect") return void res.writeHead(302, { location: b.location }).end();
      if (b.kind === "status") return void res.writeHead(b.status).end();
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const block = Buffer.alloc(64 * 1024, 120);
      let sent = 0;
      const pump = () => {
        while (sent < b.bytes) {
          sent += block.length;
          if (!res.write(block)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("error", () => {});
      pump();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    behave: (b) => (behaviour = b),
    waitFor: (n, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (received.length >= n) return resolve();
        const t = setTimeout(() => reject(new Error(`receiver: ${received.length} of ${n} requests`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
      }),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
