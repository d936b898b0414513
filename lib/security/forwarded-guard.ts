// Vets the forwarded headers of every request as it arrives, before Next or any of our code reads
// them. Next 16 gives route handlers, the proxy and next-auth no socket address, and its own server
// only fills X-Forwarded-For from the socket when the client did not send one (`??=`), so a client
// could name any address it liked. Here, at the socket:
//   - X-Forwarded-For becomes exactly one address: the client's (clientAddressFrom);
//   - X-Forwarded-Proto/-Host/-Port are kept only when the peer is a trusted proxy, otherwise removed
//     (Next then sets them from the socket and the Host header);
//   - Forwarded and X-Real-IP, which nothing here reads, are removed so nothing can start to.
import http from "node:http";
import https from "node:https";
import { clientAddressFrom, type TrustedProxies } from "./trusted-proxies";

type Headers = http.IncomingHttpHeaders;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v);

/** Rewrites headers in place for a request that came from `peer`. */
export function vetForwardedHeaders(headers: Headers, peer: string | undefined, trusted: TrustedProxies): void {
  const client = peer ? clientAddressFrom(peer, first(headers["x-forwarded-for"]), trusted) : undefined;
  if (!peer || !trusted.has(peer)) {
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-port"];
  }
  delete headers["forwarded"];
  delete headers["x-real-ip"];
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
}

const INSTALLED = Symbol.for("timetracker.forwardedGuard");
type Holder = { [INSTALLED]?: TrustedProxies };
const g = globalThis as unknown as Holder;

/** True once this process vets forwarded headers at the socket. */
export function forwardedGuardInstalled(): boolean {
  return Boolean(g[INSTALLED]);
}

/**
 * Wraps the "request" event of every HTTP(S) server in this process (the standalone server exists
 * before instrumentation runs, so its prototype is the one place to hook). Idempotent. Returns a
 * function that removes the hook (tests).
 */
export function installForwardedGuard(trusted: TrustedProxies): () => void {
  if (g[INSTALLED]) return () => {};
  g[INSTALLED] = trusted;
  const restore: (() => void)[] = [];
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    const own = Object.prototype.hasOwnProperty.call(proto, "emit");
    restore.push(() => {
      if (own) proto.emit = emit;
      else delete (proto as { emit?: unknown }).emit;
    });
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        vetForwardedHeaders(req.headers, req.socket?.remoteAddress, trusted);
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
  return () => {
    for (const r of restore) r();
    delete g[INSTALLED];
  };
}
