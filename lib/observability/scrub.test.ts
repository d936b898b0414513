import { publicDsn, scrubSentryEvent, scrubString } from "./scrub";

describe("scrubbing for Sentry and PostHog", () => {
  test("removes emails, IP addresses and query strings from strings", () => {
    expect(scrubString("user ann@example.com failed")).toBe("user [email] failed");
    expect(scrubString("from 192.168.1.20 and ::1")).toContain("[ip]");
    expect(scrubString("GET https://t.example.com/reports?from=2026-01-01&user=ann")).toBe(
      "GET https://t.example.com/reports",
    );
    expect(scrubString("GET /entries?q=secret-note")).toBe("GET /entries");
    expect(scrubString("version 10.78.0")).toBe("version 10.78.0");
  });

  test("keeps only the internal user id, drops cookies, authorization, bodies and query strings", () => {
    const ev = scrubSentryEvent({
      message: "crash for bob@example.com",
      user: { id: "u-1", email: "bob@example.com", ip_address: "10.0.0.1", username: "bob" },
      server_name: "alice-laptop",
      request: {
        url: "http://localhost/timer?note=private",
        query_string: "note=private",
        cookies: { "next-auth.session-token": "abc" },
        data: { password: "x" },
        headers: { cookie: "a=b", authorization: "Bearer t", "user-agent": "UA", "x-forwarded-for": "1.2.3.4" },
      },
      extra: { token: "t", nested: { apiKey: "k", ok: "see /x?y=1" } },
    });
    const text = JSON.stringify(ev);
    for (const bad of [
      "bob@example.com",
      "10.0.0.1",
      "alice-laptop",
      "private",
      "abc",
      "Bearer",
      "a=b",
      "1.2.3.4",
      '"t"',
      '"k"',
      '"bob"',
    ]) {
      expect(text).not.toContain(bad);
    }
    expect(ev.user).toEqual({ id: "u-1" });
    expect(ev.request?.url).toBe("http://localhost/timer");
    expect(ev.request?.headers).toEqual({ "user-agent": "UA" });
    expect((ev.extra as { nested: { ok: string } }).nested.ok).toBe("see /x");
  });

  test("publicDsn drops a DSN's legacy secret part, keeps the public key", () => {
    expect(publicDsn("https://pubkey:dsnsecret@o1.ingest.sentry.io/42")).toBe("https://pubkey@o1.ingest.sentry.io/42");
    expect(publicDsn("http://pubkey@127.0.0.1:9000/1")).toBe("http://pubkey@127.0.0.1:9000/1");
    expect(publicDsn("not a url")).toBe("not a url");
  });
});
