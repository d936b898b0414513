// The guard against a real HTTP server: what a handler sees after the socket-level vetting.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { installForwardedGuard, vetForwardedHeaders } from "./forwarded-guard";
import { parseTrustedProxies } from "./trusted-proxies";

describe("vetForwardedHeaders", () => {
  it("drops forwarded headers from an untrusted peer and names the peer as the client", () => {
    const h: http.IncomingHttpHeaders = {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      forwarded: "for=1.2.3.4",
      "x-real-ip": "1.2.3.4",
      host: "app:3000",
    };
    vetForwardedHeaders(h, "203.0.113.9", parseTrustedProxies(undefined));
    expect(h).toEqual({ "x-forwarded-for": "203.0.113.9", host: "app:3000" });
  });

  it("keeps them from a trusted proxy, with the client it vouches for", () => {
    const h: http.IncomingHttpHeaders = { "x-forwarded-for": "1.1.1.1, 198.51.100.4", "x-forwarded-proto": "https" };
    vetForwardedHeaders(h, "::ffff:10.0.0.2", parseTrustedProxies("10.0.0.0/8"));
    expect(h).toEqual({ "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https" });
  });
});

describe("installForwardedGuard", () => {
  it("vets every request of a real server before its handler runs", async () => {
    const uninstall = installForwardedGuard(parseTrustedProxies(undefined));
    const server = http.createServer((req, res) => {
      res.end(JSON.stringify({ xff: req.headers["x-forwarded-for"], proto: req.headers["x-forwarded-proto"] ?? null }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https" },
      });
      expect(await res.json()).toEqual({ xff: "127.0.0.1", proto: null });
    } finally {
      uninstall();
      await new Promise((r) => server.close(r));
    }
  });
});
