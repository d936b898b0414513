import { clientAddressFrom, parseTrustedProxies, trustedProxiesProblem } from "./trusted-proxies";

describe("TRUSTED_PROXIES", () => {
  it("accepts addresses, CIDR ranges and the named sets", () => {
    expect(trustedProxiesProblem("10.0.0.1, 172.16.0.0/12, ::1, fd00::/8, loopback, private")).toBeNull();
    expect(trustedProxiesProblem(undefined)).toBeNull();
    expect(trustedProxiesProblem("proxy.internal")).toMatch(/"proxy.internal", which is not an IP address/);
    expect(trustedProxiesProblem("10.0.0.0/33")).not.toBeNull();
  });

  it("matches IPv4 clients on a dual-stack socket", () => {
    const t = parseTrustedProxies("10.0.0.0/8");
    expect(t.has("::ffff:10.1.2.3")).toBe(true);
    expect(t.has("11.0.0.1")).toBe(false);
    expect(parseTrustedProxies("loopback").has("127.0.0.9")).toBe(true);
    expect(parseTrustedProxies(undefined).has("127.0.0.1")).toBe(false);
  });
});

describe("clientAddressFrom", () => {
  const none = parseTrustedProxies(undefined);
  const proxy = parseTrustedProxies("10.0.0.2, 10.0.0.3");

  it("is the socket's peer when nobody is trusted: X-Forwarded-For from a client means nothing", () => {
    expect(clientAddressFrom("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(clientAddressFrom("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("behind trusted proxies, the right-most address no trusted proxy owns", () => {
    // The client forged "1.1.1.1"; the proxies appended the real client and each other.
    expect(clientAddressFrom("10.0.0.2", "1.1.1.1, 198.51.100.4, 10.0.0.3", proxy)).toBe("198.51.100.4");
    expect(clientAddressFrom("10.0.0.2", undefined, proxy)).toBe("10.0.0.2");
    expect(clientAddressFrom("10.0.0.2", "garbage, 10.0.0.3", proxy)).toBe("10.0.0.3");
  });
});
