// One webhook HTTP request, bounded in every direction: only the configured URL (http/https), its
// host resolved once and every address checked (private targets refused unless allowed), the
// connection made to exactly the checked address, no redirects followed, one deadline for the whole
// exchange, and at most maxBodyBytes of the answer read. Never throws: the outcome says what happened.
import "server-only";
import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress } from "./address-policy";

export interface SendOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxBodyBytes: number;
  allowPrivate: boolean;
}

export interface SendOutcome {
  ok: boolean;
  status: number | null;
  durationMs: number;
  /** Why it failed, for the delivery log: never contains the secret or the payload. */
  error: string | null;
}

export class TargetRefused extends Error {}

/** The address to connect to for `host`, resolved once, or TargetRefused. */
export async function resolveTarget(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const bare = host.replace(/^\[|\]$/g, "");
  const found = isIP(bare)
    ? [{ address: bare, family: isIP(bare) }]
    : await dns.lookup(bare, { all: true }).catch(() => {
        throw new TargetRefused("could not resolve the host name");
      });
  if (!found.length) throw new TargetRefused("could not resolve the host name");
  // Every address must pass: a name that also resolves to a private address is refused.
  if (!allowPrivate && found.some((a) => isPrivateAddress(a.address)))
    throw new TargetRefused("the address is in a private, loopback or link-local network");
  return found[0];
}

export async function sendWebhook(o: SendOptions): Promise<SendOutcome> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): SendOutcome => ({
    ok: error === null && status !== null && status >= 200 && status < 300,
    status,
    durationMs: Math.round(performance.now() - started),
    error,
  });
  let url: URL;
  try {
    url = new URL(o.url);
    if (url.protocol !== "http:" && url.protocol !== "https:") return done(null, "only http and https URLs");
  } catch {
    return done(null, "invalid URL");
  }
  const deadline = AbortSignal.timeout(o.timeoutMs);
  let target: { address: string; family: number };
  try {
    target = await Promise.race([
      resolveTarget(url.hostname, o.allowPrivate),
      new Promise<never>((_, reject) =>
        deadline.addEventListener("abort", () => reject(new TargetRefused("timed out"))),
      ),
    ]);
  } catch (err) {
    return done(null, err instanceof TargetRefused ? err.message : "could not resolve the host");
  }
  // The socket connects to the address checked above, never to a second DNS answer.
  const lookup: LookupFunction = (_host, opts, cb) => {
    if (opts.all) cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      resolve(done(status, error));
      req.destroy();
    };
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...o.headers, "content-length": String(Buffer.byteLength(o.body)) },
        lookup,
        agent: false,
        signal: deadline,
      },
      (res) => {
        const status = res.statusCode ?? null;
        if (status !== null && status >= 300 && status < 400)
          return finish(status, `redirect not followed (${status})`);
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > o.maxBodyBytes) finish(status, `response larger than ${o.maxBodyBytes} bytes`);
        });
        res.on("end", () => finish(status, status !== null && status >= 200 && status < 300 ? null : `HTTP ${status}`));
        res.on("error", () =>
          finish(
            status,
            deadline.aborted ? `timed out after ${o.timeoutMs} ms` : "connection lost while reading the response",
          ),
        );
      },
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (deadline.aborted) return finish(null, `timed out after ${o.timeoutMs} ms`);
      finish(null, err.code ? `connection failed (${err.code})` : "connection failed");
    });
    req.end(o.body);
  });
}
